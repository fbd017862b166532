#pragma once

// The plain light palette the timeline's picture tests paint in, so that colours are known.

#include <QColor>
#include <QPalette>

namespace ThreadLab {

inline QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Window, QColor(0xefefef));
    p.setColor(QPalette::WindowText, Qt::black);
    return p;
}

} // namespace ThreadLab

// threadlab-rendericon: draws an SVG into a square PNG at build time, so that the bitmap icon
// desktops ask for (256 px) always matches resources/icons/threadlab.svg.
// Usage: threadlab-rendericon IN.svg SIZE OUT.png

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char** argv)
{
    // A build machine may have no display: the offscreen platform draws all the same.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList args = QGuiApplication::arguments();
    bool sizeOk = false;
    const int size = args.size() == 4 ? args.at(2).toInt(&sizeOk) : 0;
    if (!sizeOk || size < 16 || size > 1024) {
        err << "usage: threadlab-rendericon IN.svg SIZE OUT.png (SIZE from 16 to 1024)\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "threadlab-rendericon: " << args.at(1) << ": not a readable SVG file\n";
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(args.at(3), "PNG")) {
        err << "threadlab-rendericon: " << args.at(3) << ": cannot be written\n";
        return 1;
    }
    return 0;
}

#pragma once

#include "model/comparelayout.h"

#include <QRectF>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QFontMetricsF;
class QPainter;

namespace ThreadLab {

class CompareHeader;
class EventLog;
class TimelineView;

// Every variant of a run stacked on one shared time axis: a band per variant (a header with
// its name and elapsed time, then its lanes), the scenario's focus first and framed in the
// accent colour, one axis on top and one legend at the bottom. Each band is a TimelineView
// (one painter of lanes; tooltips per lane); they share one time window, so zoom, pan and fit
// in any band act on all, and every lane of every band fits the widget's height. A click on a
// band's header asks for that variant's detail (variantClicked).
class CompareView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareView)

public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    void clear();
    // The scenario's focus: names as the variants run or as the file names them.
    void setFocusNames(const QStringList& names);
    // A variant starts (or is shown again): its band, live until finishVariant or setLive(false).
    void setVariant(int index, const QString& name, std::shared_ptr<const EventLog> log);
    void finishVariant(int index, const QString& scenarioName, double elapsedMs, bool cancelled);
    // Bands of more than one engine: band `index` is variant `plainName` as `engine` ran it (its
    // name says both: "4 threads · CPython"). A compact header then keeps the engine whole
    // before the time ("CPython · 1.39 s") and lets the variant's name give way first.
    void setEngine(int index, const QString& plainName, const QString& engine);
    void setLive(bool live);
    // The accessible description: the bands top to bottom with their times.
    void updateDescription();
    bool isLive() const noexcept { return m_live; }
    void advanceFrame();

    void zoomIn();
    void zoomOut();
    void fit();
    void setScale(double presenterScale);

    int bandCount() const noexcept { return static_cast<int>(m_bands.size()); }
    // Variant indexes top to bottom.
    std::vector<int> bandOrder() const;
    bool isFocus(int index) const;
    QString variantName(int index) const;
    QString headerText(int index) const;
    // The variant's band view (views exist before any run: view 0 is the one the window shows first).
    TimelineView* bandView(int index) const;
    // The top band's view (view 0 while there are none).
    TimelineView* firstView() const;
    QRect headerRect(int index) const;
    // The lines the band's header shows as laid out now (empty: not placed). Beside the band the
    // name wraps at spaces over the lines the header's height allows and the time takes a line of
    // its own; what the band's GIL strip is too thin to say follows where a line is left. Above
    // the band all of it is one line.
    QStringList headerLines(int index) const;
    // Bands packed tight: each header sits over its band's label column instead of above it.
    bool isCompact() const noexcept { return m_compact; }
    // [t0, t1] ns of the shared window.
    double windowStartNs() const noexcept { return m_t0Ns; }
    double windowEndNs() const noexcept { return m_t1Ns; }

    // The stacked picture for exports: the same bands laid out in target (every lane fits).
    void render(QPainter& painter, const QRectF& target);
    using QWidget::render;
    // A height that shows every lane at its natural pitch, within [minPx, maxPx].
    int contentHeight(int width, int minPx, int maxPx) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void variantClicked(int index);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Band
    {
        QString name;
        QString scenarioName;
        QString plainName; // without the engine; empty unless setEngine
        QString engine;
        double elapsedMs = -1; // -1 while running
        bool cancelled = false;
    };
    struct Placed
    {
        int index = 0;
        int lanes = 0; // when placed
        QRectF header;
        QRectF view;
        QRectF frame;
        bool compact = false;
        double fontPx = 15;
        QStringList gilNotes; // what the band's GIL strip cannot say at a readable size
    };
    struct Packing
    {
        bool compact = false;
        double fontPx = 15;
        double header = 0; // a header row's height, or a compact header's least height
        double gap = 0;
        double pad = 0;
    };

    TimelineView* ensureView(int index);
    void configureViews(int width, bool legend);
    std::vector<Placed> place(const QRectF& rect) const;
    std::vector<Placed> placeAs(const QRectF& rect, const Packing& packing, const std::vector<int>& order,
                                const CompareLayout::Heights& heights) const;
    CompareLayout::Heights heightsFor(const QRectF& rect, const Packing& packing, const std::vector<int>& order) const;
    Packing packing(int level) const;
    CompareHeader* ensureHeader(int index);
    double inset() const;
    void relayout();
    void applyWindow(double width);
    void onWindowPicked(double t0Ns, double t1Ns);
    void onFitPicked();
    void paintFrames(QPainter& painter, const std::vector<Placed>& placed) const;
    void paintHeader(QPainter& painter, const Placed& placed, const QRectF& rect, bool hint) const;
    QStringList linesFor(const Placed& placed, const QRectF& rect) const;
    QStringList compactLines(int index, const QFontMetricsF& metrics, double width, int maxLines) const;
    QFont headerFont(double fontPx) const;
    double headerPad(bool compact) const { return (compact ? 4 : 8) * m_scale; }
    std::vector<CompareLayout::Variant> variants() const;

    std::vector<Band> m_bands;               // by variant index
    std::vector<TimelineView*> m_views;      // by variant index; owned as children
    std::vector<CompareHeader*> m_headers;   // by variant index; owned as children
    std::vector<Placed> m_placed;            // the widget's layout
    QStringList m_focus;
    double m_scale = 1.0;
    double m_t0Ns = 0;
    double m_t1Ns = 1e9;
    double m_plotLeft = 0; // every band's plot starts here (configureViews)
    bool m_live = false;
    bool m_compact = false;
    bool m_follow = true; // the window tracks the runs until the user zooms or pans
};

} // namespace ThreadLab

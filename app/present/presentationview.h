#pragma once

// Presentation mode: the map alone, full screen, in the room theme, driven by a clicker.

#include "app/present/legend.h"
#include "app/present/walkthrough.h"
#include "app/stories/storydeck.h"

#include <QFutureWatcher>
#include <QGraphicsView>

#include <atomic>
#include <memory>
#include <optional>

class QScreen;
class QTimer;

namespace causeway {

class CanvasEmphasis;
class CanvasScene;
class Document;

// A full-screen view over its own scene of the document, so edits made in the editor show live
// while the room sees no menus. Keys: PageDown, Right, Space next; PageUp, Left previous; Home,
// End; B black screen; + and - (with or without Ctrl) label size; L legend; S the next story
// (then the map again); Esc leaves. A click
// on a factor focuses it (again: two steps out); a click elsewhere ends the focus. Presenting
// never edits the map: mouse and key events never reach the scene's editing gestures.
class PresentationView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr int kCaptionPixels = 30; // the caption's type, on screen
    static constexpr int kLegendPixels = 18;
    static constexpr double kFocusPixels = 24; // a focused neighbourhood's labels, at least
    // Labels the back row reads (issue 14's bar: the sample map at 1024x768). A drawing that
    // shows them so is presented as drawn, not read into rows (arrange), unless rows show them
    // this many times as large and it shows them under the room's full size (kRoomLabelPixels).
    static constexpr double kReadablePixels = 18;
    static constexpr double kRowsGain = 1.5;
    static constexpr std::size_t kMaxLoops = 60;
    static constexpr int kMarkerRadius = 26; // the loop marker's circle, on screen

    explicit PresentationView(Document* document, QWidget* parent = nullptr);
    ~PresentationView() override;

    // Full screen on `screen` (a later presenter view puts it on the projector).
    void presentOn(QScreen* screen);

    // ---- what is shown (for tests and the screenshot mode)
    const present::Deck& deck() const { return m_deck; }
    // The slide shown of the deck being played: the map's loops, or the story playing.
    int slideIndex() const { return m_storyIndex >= 0 ? m_storyClick : m_index; }
    int deckSize() const { return m_storyIndex >= 0 ? m_story.size() : m_deck.size(); }
    present::Slide slide() const { return m_deck.slide(m_index); }
    void goTo(int index);
    // The map's loops are listed off the GUI thread (a dense map takes seconds): until they
    // arrive the deck holds the map, its named loops and the loops already known.
    bool loopsListed() const { return m_listing == nullptr; }
    void waitForLoops(); // blocks until the listing has arrived (screenshot mode, tests)
    void next() { goTo(slideIndex() + 1); }
    void previous() { goTo(slideIndex() - 1); }
    // Plays the map's story `index` (from 0) from its title: only what its steps have revealed
    // is drawn, steps an edit broke are skipped. False when the map has no such story.
    bool playStory(int index);
    void stopStory(); // back to the whole map and its loops
    int storyPlaying() const { return m_storyIndex; } // -1 when none
    const present::StoryDeck& storyDeck() const { return m_story; }
    // Goes to the first step of `loop`'s walkthrough (a loop picked in the Loops panel), adding
    // it to the deck when the deck's own list does not reach it. False when it is not a loop of
    // the map.
    bool startWalkthrough(const Loop& loop);
    void focusFactor(FactorId id, int steps = 1);
    void clearFocus();
    std::optional<FactorId> focus() const { return m_focus; }
    int focusSteps() const { return m_focusSteps; }
    const present::Lit& lit() const { return m_lit; }
    bool everythingLit() const { return m_allLit; }
    QString caption() const { return m_caption; }
    bool isBlack() const { return m_black; }
    bool legendShown() const { return m_legend; }
    // Entries another feature adds to the legend while its symbols are on the map (the verdict
    // marks of "How did the map hold up?"); shown even while a focus hides the map's own key.
    void setExtraLegend(std::vector<present::LegendEntry> entries);
    const std::vector<present::LegendEntry>& extraLegend() const { return m_extraLegend; }
    // What the legend shows now (empty when hidden), and where, in the viewport.
    std::vector<present::LegendEntry> shownLegend() const;
    QRectF legendRect() const;
    // Screen pixels along the top kept clear of the map (another feature's caption there: the
    // hold-up sequence's); the map is fitted below them, its arrangement unchanged.
    void setReservedTop(int pixels);
    // The scale at which `sceneRect`, with a margin, fits `area` (fitTo's).
    static double fittedScale(const QRectF& sceneRect, const QRectF& area);
    QRectF mapArea() const; // the viewport less the caption band, the legend and the reserved top
    double labelScale() const { return m_labelScale; }
    void setLabelScale(double scale);
    // A factor label's height on screen: the label font's pixel size times the view's scale.
    double labelPixelSize() const;
    CanvasScene* canvas() const { return m_scene; }
    // The loop marker (R/B and turning direction) shown for the current loop, if any.
    struct Marker {
        bool shown = false;
        LoopPolarity polarity = LoopPolarity::Reinforcing;
        bool clockwise = true;
        QPointF centre; // scene coordinates
    };
    Marker marker() const { return m_marker; }
    // A named loop shown on the whole map, as the canvas shows loop names: its marker (R/B and
    // turning direction) with the name under it, placed clear of factors, signs and each other.
    struct LoopName {
        QString name;
        LoopPolarity polarity = LoopPolarity::Reinforcing;
        bool clockwise = true;
        QPointF centre; // the marker's middle, scene coordinates
    };
    static constexpr int kLoopNamePixels = 24;
    // The whole map is fitted with its loop names around it when its labels keep this share of
    // their size or stay readable (kReadablePixels); else only names with room inside are shown.
    static constexpr double kLoopNamesLabelShare = 0.9;
    const std::vector<LoopName>& loopNames() const { return m_loopNames; }
    // Where a loop name is drawn, marker and name, in viewport pixels.
    QRectF loopNameRect(const LoopName& name) const;

signals:
    void slideChanged(int index);
    void closed();

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void rebuildDeck();
    void listLoops(); // starts listing the map's loops for the deck again, off the GUI thread
    void loopsArrived();
    void rebuildStory();
    void apply();
    // Re-places the map for the room's boxes and the map area's shape (display only) when the
    // shape changed or `force` (an edit, new box sizes).
    void arrange(bool force);
    // The rows shown, with factors trading places (present::tradedPlaces) when the room's own
    // drawing then crosses fewer links, hides no more and keeps labels the back row can read.
    void tradePlacesInRows(double aspect, const QRectF& area);
    // An arrangement as shown: where, with the layout's bends or not, what it costs to read
    // (layout::readingCost) and how tall its labels show in the area.
    struct Arrangement {
        std::map<FactorId, Point> positions;
        bool layoutBends = true;
        double cost = 0, pixels = 0;
    };
    Arrangement shownNow(const QRectF& area, bool layoutBends) const;
    // The rows shown, or the one of `others` (the drawing pushed apart, the drawing scaled whole
    // for the room: present::scaledForRoom) that reads better.
    void keepWhatReadsBest(const std::vector<Arrangement>& others, const QRectF& area);
    static constexpr double kOverviewShare = 2.0 / 3.0;
    // The map's labels in screen pixels, the whole map as shown fitted to `area`.
    double labelPixelsIn(const QRectF& area) const;
    // Lights `loop` up to `step` (its verdict after the last link) with its marker and caption.
    void showLoop(const Loop& loop, int step, const QString& name);
    // Draws only these factors and links (all when nullopt): what a story has revealed.
    void showOnly(const std::optional<present::Lit>& shown);
    void fitTo(const QRectF& sceneRect);
    int bandHeight() const;
    void placeMarker();
    // The whole map fitted to `target` with the named loops' names, when they fit near their
    // loops without shrinking it too far (kLoopNamesLabelShare); else only those with room.
    void fitWithLoopNames(const QRectF& target);
    // The named loops' names placed at the view's scale, near their loops (`withinArea`: only
    // those with room there inside the map's area); where they reach on the map.
    QRectF placeLoopNames(bool withinArea);
    // What a marker keeps off (factors, signs, with `walls` the map area's edges) and keeps near
    // off (lines).
    void marksToAvoid(std::vector<BoxShape>& obstacles, std::vector<BoxShape>& lines, bool walls = true) const;
    double markReach() const;
    void drawCaption(QPainter* painter) const;
    void drawMarker(QPainter* painter) const;
    void drawLoopNames(QPainter* painter) const;

    Document* m_document;
    CanvasScene* m_scene;
    CanvasEmphasis* m_emphasis;
    QTimer* m_deckTimer;
    present::Deck m_deck;
    std::vector<Loop> m_picked; // loops asked for by startWalkthrough, kept while they exist
    std::vector<present::PresentedLoop> m_listed; // the last listing (its loops checked again)
    QFutureWatcher<std::vector<present::PresentedLoop>>* m_listing = nullptr; // running
    std::shared_ptr<std::atomic<bool>> m_cancelListing;
    int m_index = 0;
    present::StoryDeck m_story;
    int m_storyIndex = -1; // the map's story being played
    std::string m_storyName; // followed by name across edits
    int m_storyClick = 0;
    std::optional<FactorId> m_focus;
    int m_focusSteps = 1;
    std::optional<FactorId> m_focusShown; // a clicked factor's focus, or a story step's
    present::Lit m_lit;
    bool m_allLit = true;
    QString m_caption;
    Marker m_marker;
    std::vector<LoopName> m_loopNames;
    bool m_black = false;
    bool m_legend = true;
    bool m_legendBeside = false; // a column right of the map, when the map is tall for the screen
    std::vector<present::LegendEntry> m_extraLegend;
    int m_reservedTop = 0;
    double m_labelScale = 1.0;
    double m_arrangedAspect = 0; // the map area's shape the map was last arranged for
    bool m_arrangeAgain = true;  // the map or the boxes changed since
};

} // namespace causeway

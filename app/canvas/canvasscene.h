#pragma once

#include "app/canvas/theme.h"
#include "layout/layout.h"
#include "layout/otherlines.h"
#include "layout/quality.h"
#include "model/nomination.h"
#include "model/systemmap.h"

#include <QGraphicsScene>
#include <QHash>

#include <cstddef>
#include <functional>

#include <map>
#include <memory>
#include <set>
#include <vector>

class QGraphicsPathItem;
class QThreadPool;
class QVariantAnimation;

namespace causeway {

class Document;
class FactorItem;
class InlineEditor;
class LinkItem;

// The map as a scene. Listens to the Document and keeps one item per factor and link; turns
// gestures (double-click, drags, link drags, bends) into Document intents. Items never write
// to the model.
class CanvasScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit CanvasScene(Document* document, QObject* parent = nullptr);
    // A scene drawn in `look` from the start (a presentation's: its links routed once, not
    // first for the editor's boxes).
    CanvasScene(Document* document, const theme::Look& look, QObject* parent = nullptr);
    ~CanvasScene() override;

    Document* document() const { return m_document; }
    FactorItem* factorItem(FactorId id) const { return m_factors.value(id); }
    LinkItem* linkItem(LinkId id) const { return m_links.value(id); }
    int factorItemCount() const { return int(m_factors.size()); }
    int linkItemCount() const { return int(m_links.size()); }

    // Colours and box sizes the items draw with (a presentation scene sets its room look).
    const theme::Look& look() const { return m_look; }
    void setLook(const theme::Look& look);

    std::vector<FactorId> selectedFactors() const; // ascending id order
    std::vector<LinkId> selectedLinks() const;
    void selectOnly(const std::vector<FactorId>& factors, const std::vector<LinkId>& links = {});
    // Bounding box of the map's items (a default area when empty).
    QRectF mapBounds() const;
    // Box sizes as drawn, for the layout.
    std::map<FactorId, layout::Size> boxSizes() const;
    // The drawing as shown, measured as the layout measures one (layout/quality.h).
    layout::DrawingQuality measured() const;
    // Where factors are drawn instead of the model's positions (a presentation arranges the map
    // for its own boxes and screen): display only, the model is never told. Factors missing
    // from `positions` are drawn where the model has them; empty: all of them. Without
    // `layoutBends`, links a layout bent (a loop-first ring's arcs) are routed afresh.
    void setShownPositions(std::map<FactorId, Point> positions, bool layoutBends = true);
    const std::map<FactorId, Point>& shownPositions() const { return m_shown; }
    // A link as shown. Where factors are shown elsewhere, a bend (an offset from the middle of the
    // chord) turns and scales with the chord: it bulges to the same side, by as much of it (a
    // drawing scaled whole keeps its links' shapes). Where the shown positions drop the layout's
    // bends (a drawing read into rows), a layout's bend is dropped.
    Link shown(const Link& link) const;

    // ---- gestures the editor's actions call
    void beginNewFactor(QPointF scenePos, FactorId linkFrom = {});
    void editLabel(FactorId id);
    bool isEditingLabel() const { return m_editor != nullptr; }
    InlineEditor* labelEditor() const { return m_editor; }
    // Links the selected factors: two selected -> one link (in selection order when known).
    bool linkSelection();
    void deleteSelection();

    // While set (voting), a left or right click on a factor or link calls this instead of
    // selecting, moving or editing, and other canvas gestures do nothing: voting never edits.
    using ItemClickInterceptor = std::function<void(ItemRef item, Qt::MouseButton button)>;
    void setItemClickInterceptor(ItemClickInterceptor interceptor);
    bool isIntercepting() const { return bool(m_clickInterceptor); }
    // Asked before factors or links are deleted (nominations of them go too); false cancels.
    using RemovalGuard =
        std::function<bool(const std::vector<FactorId>& factors, const std::vector<LinkId>& links)>;
    void setRemovalGuard(RemovalGuard guard) { m_removalGuard = std::move(guard); }
    bool mayRemove(const std::vector<FactorId>& factors, const std::vector<LinkId>& links) const
    {
        return !m_removalGuard || m_removalGuard(factors, links);
    }

    // ---- animated changes (auto-layout): factors glide to the positions the change gives them
    void setAnimationsEnabled(bool on) { m_animationsEnabled = on; }
    void beginAnimatedChange();
    void endAnimatedChange();
    bool isAnimating() const;

    // ---- called by items
    void factorItemMoved(FactorId id);
    void bendLink(LinkId id, Point bend);

    // A map never laid out (io/import.h needsFirstLayout) is laid out before it is drawn: its
    // links are not routed round the importer's grid (~6 s on a 400-factor map), but drawn
    // plain until a change moves its factors, or its first layout ends unapplied
    // (Document::firstLayoutEnded), or, when none runs, control returns to the event loop.
    bool holdsRoutes() const { return m_holdingRoutes; }

    // Links routed around boxes so far (each costs a search): for tests and diagnostics.
    long routedLinkCount() const { return m_routedLinks; }

signals:
    // Every link routed again at once, outside a step of the map's (holdsRoutes).
    void linksRerouted();
    void contextMenuRequested(QPoint screenPos, QPointF scenePos);
    void statusMessage(const QString& message);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    // `factor` as drawn: at its shown position when it has one.
    Factor shown(const Factor& factor) const;
    Point shownPosition(const Factor& factor) const;
    void resyncFactors(); // every box again (a new look or new shown positions), links once
    void releaseRoutes(); // routes links held plain (holdsRoutes)
    void onFactorAdded(FactorId id);
    void onFactorChanged(FactorId id);
    void onFactorRemoved(FactorId id);
    void onLinkAdded(LinkId id);
    void onLinkChanged(LinkId id);
    void onLinkRemoved(LinkId id);
    void rebuild();
    // `lines`: the other links' lines its way round pays to cross (null: worked out here).
    void updateLinkGeometry(LinkItem* item, std::shared_ptr<const OtherLines> lines = {});
    // Its ends and the boxes to go round set, to be routed (false: deferred, or an end missing).
    bool prepareLinkGeometry(LinkItem* item, std::shared_ptr<const OtherLines> lines = {});
    // Routes the items, on every core when there are this many or more (each ~0.1-5 ms: a
    // 100-factor map's 300 links ~40 ms on one): this thread and m_routingHelpers others.
    static constexpr std::size_t kRoutedTogether = 8;
    void routeItems(const std::vector<LinkItem*>& items);
    // Those lines as the factors are drawn now (none on a map of layout/linkshapes.h's
    // kTolledFactors or fewer, whose ways round pay nothing).
    std::shared_ptr<const OtherLines> linesToCrossNow() const;
    bool linksPayToCross() const;
    // A link's line moved, came or went: on a map whose ways round pay to cross other links,
    // each link's way depends on every other's, so all are routed again (once, when a step of
    // many changes ends), as drawing the map from scratch and its SVG export route them.
    void linesChanged();
    void routeEveryLink();
    void updateLinksOf(FactorId id, bool offLines = true); // offLines: as placeSigns
    // No sign over another (in link id order) or over a factor, nor (`offLines`: not while a
    // factor is dragged, to keep frames short) over another link's line where it can help it.
    void placeSigns(bool offLines = true);
    void placePorts(const std::vector<LinkItem*>& items); // links untangled, ends spread along busy boxes
    void updateReverseOf(const Link& link);
    FactorItem* factorAt(QPointF scenePos) const;
    FactorItem* handleAt(QPointF scenePos) const;
    void commitMoves();
    void finishLinkDrag(QPointF scenePos);
    void closeEditor();
    void stopAnimation();
    // A step of many changes, or one change that moves, sizes or adds several things, routes each
    // affected link once, at its end, not per change.
    void deferLinks();
    void routeDeferredLinks();

    Document* m_document;
    theme::Look m_look;
    QThreadPool* m_routers; // routeItems's helpers
    std::ptrdiff_t m_routingHelpers;
    std::map<FactorId, Point> m_shown;
    bool m_shownLayoutBends = true;
    QHash<FactorId, FactorItem*> m_factors;
    QHash<LinkId, LinkItem*> m_links;
    std::vector<FactorId> m_selectionOrder; // for L: which factor was selected first

    // A link being dragged out of a factor.
    FactorId m_linkSource;
    bool m_linkLeftSource = false;
    QGraphicsPathItem* m_linkPreview = nullptr;
    FactorItem* m_linkTargetItem = nullptr;

    bool m_animationsEnabled = true;
    bool m_collectingAnimation = false;
    std::map<FactorId, QPointF> m_animationStarts;
    int m_deferring = 0;                  // nested deferLinks() calls not yet routed
    std::set<LinkId> m_deferredLinks;     // to route when deferring ends
    std::set<FactorId> m_deferredMoves;   // factors whose new box other links must go around
    long m_routedLinks = 0;
    bool m_linesChanged = false;          // while deferring: every link to route at the end
    bool m_holdingRoutes = false; // links drawn plain until the first layout
    QVariantAnimation* m_animation = nullptr;

    bool m_pressedOnFactor = false;
    ItemClickInterceptor m_clickInterceptor;
    RemovalGuard m_removalGuard;
    InlineEditor* m_editor = nullptr;
};

} // namespace causeway

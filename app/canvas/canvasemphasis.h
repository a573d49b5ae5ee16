#pragma once

#include "model/ids.h"

#include <QObject>

#include <set>

class QGraphicsItem;

namespace causeway {

class CanvasScene;

// Shows some factors and links at full strength and dims the rest of the canvas (a loop, a
// trace, paths between two factors), so the room can follow one story on a dense map. Kept out
// of the items: it only sets their opacity, including items added while it is on.
class CanvasEmphasis : public QObject {
    Q_OBJECT
public:
    static constexpr double kDimmedOpacity = 0.15;

    explicit CanvasEmphasis(CanvasScene* scene, QObject* parent = nullptr);

    void setEmphasis(std::set<FactorId> factors, std::set<LinkId> links);
    void clear();
    bool isActive() const { return m_active; }
    const std::set<FactorId>& factors() const { return m_factors; }
    const std::set<LinkId>& links() const { return m_links; }

signals:
    void changed();

private:
    void apply();

    CanvasScene* m_scene;
    bool m_active = false;
    std::set<FactorId> m_factors;
    std::set<LinkId> m_links;
};

} // namespace causeway

namespace causeway {
class CanvasView;
// Scrolls (and zooms out if it must) so the emphasised factors and links are in view.
void bringIntoView(CanvasView* view, const std::set<FactorId>& factors,
                   const std::set<LinkId>& links);
} // namespace causeway

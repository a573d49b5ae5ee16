#pragma once

#include "layout/votebadge.h"
#include "model/nomination.h"

#include <QGraphicsItem>
#include <QObject>
#include <QPointer>

#include <vector>

namespace causeway {

class CanvasScene;

// The badges of one factor or link (layout/votebadge.h geometry) drawn over the map. Clicks go
// through to the map underneath.
class VoteBadgeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 20 };

    // `badges` in map units around `anchor` (the point they hang from). They keep their size on
    // screen at any zoom (a fitted map on a projector is often shown at 30 %), anchored there.
    VoteBadgeItem(ItemRef item, std::vector<VoteBadge> badges, Point anchor);

    int type() const override { return Type; }
    ItemRef item() const { return m_item; }
    const std::vector<VoteBadge>& badges() const { return m_badges; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget) override;

    // Draws one badge; shared with the results chart's legend.
    static void paintBadge(QPainter* painter, const VoteBadge& badge);

private:
    ItemRef m_item;
    std::vector<VoteBadge> m_badges;
    QRectF m_bounds;
};

// Keeps the badges on the canvas: a revealed round's counts, or one voter's own choices while
// they vote (and nothing else, so a secret round stays secret). Follows the document: moved
// factors, undo, deleted items.
class VoteOverlay : public QObject {
    Q_OBJECT
public:
    explicit VoteOverlay(CanvasScene* scene, QObject* parent = nullptr);
    ~VoteOverlay() override;

    // Counts of the named round (shown only while it is revealed); empty name: none.
    void showRound(const QString& roundName);
    // One voter's draft ballot: glyph-only markers. Replaces the round's counts while set.
    void showDraft(const Ballot& ballot);
    void clearDraft();
    void clear();

    int badgeItemCount() const { return int(m_items.size()); }
    QString roundName() const { return m_round; }

private:
    void rebuild();
    void removeItems();
    void add(ItemRef item, int watch, int stop, int maxCount, const std::vector<BoxShape>& boxes);

    QPointer<CanvasScene> m_scene; // the window may delete the scene (and our items) first
    QString m_round;
    bool m_draftShown = false;
    Ballot m_draft;
    std::vector<VoteBadgeItem*> m_items;
};

} // namespace causeway

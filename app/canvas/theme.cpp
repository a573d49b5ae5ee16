#include "app/canvas/theme.h"

#include "app/canvas/canvasscene.h"

#include <QGraphicsItem>

namespace causeway::theme {

QColor groupColour(const std::string& group)
{
    return qcolor(palette::groupColour(group));
}

const Look& editorLook()
{
    static const Look look;
    return look;
}

const Look& lookOf(const QGraphicsItem* item)
{
    if (auto* canvas = qobject_cast<CanvasScene*>(item ? item->scene() : nullptr))
        return canvas->look();
    return editorLook();
}

} // namespace causeway::theme

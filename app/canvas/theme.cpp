#include "app/canvas/theme.h"

namespace causeway::theme {

QColor groupColour(const std::string& group)
{
    return qcolor(palette::groupColour(group));
}

} // namespace causeway::theme

#pragma once

#include <QString>

class QWidget;

namespace causeway {

// Help > About Causeway: the version, the licence and the libraries it was built with (Qt as
// running), as rich text so it can be checked without a dialog.
QString aboutText();
void showAbout(QWidget* parent);

} // namespace causeway

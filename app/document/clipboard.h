#pragma once

#include "model/systemmap.h"

#include <QString>

#include <optional>

class QMimeData;

namespace causeway {

// Copy and paste of map fragments through the system clipboard, so it works between windows
// and between Causeway processes. A fragment travels as native map JSON under its own MIME type,
// plus plain text (one label a line) for other applications.
inline constexpr char kFragmentMimeType[] = "application/x-causeway-fragment";

// The caller owns the result (QClipboard::setMimeData takes it).
QMimeData* fragmentToMimeData(const SystemMap& fragment);
// A fragment from Causeway's own format, else factors from plain-text lines (one per non-blank
// line, stacked in a column); nullopt when there is neither, or the fragment is malformed.
std::optional<SystemMap> fragmentFromMimeData(const QMimeData* data);

void copyFragmentToClipboard(const SystemMap& fragment);
std::optional<SystemMap> fragmentFromClipboard();
bool clipboardHasFragment();

// Centre of the fragment's factor positions: paste at a point p with offset p - centre.
Point fragmentCentre(const SystemMap& fragment);

} // namespace causeway

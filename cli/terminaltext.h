#pragma once

// Text from maps and input files made safe to print: a label holding ESC or BEL must not drive
// the reader's terminal.

#include <string>
#include <string_view>

namespace causeway::cli {

// Control characters (C0 including newline and tab, DEL, and C1 U+0080..U+009F) become visible
// escapes: "\x1b", "\x07", "\n", "\u009b". Bytes that are not UTF-8 become "\xNN" too (a lone
// 0x9B is CSI to some terminals). Other text, including every printable non-ASCII character,
// passes unchanged. Newlines the CLI prints itself are written around this, never through it.
std::string terminalSafe(std::string_view text);

// The same, line by line, keeping the line breaks of a message made of several lines.
std::string terminalSafeLines(std::string_view text);

} // namespace causeway::cli

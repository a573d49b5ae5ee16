#pragma once

// The join address as a QR code (libqrencode), drawn as SVG for the projector and as text for a
// terminal. No Qt.

#include <string>
#include <string_view>
#include <vector>

namespace causeway::vote {

struct QrCode {
    int size = 0;           // modules per side
    std::vector<bool> dark; // row by row
    bool at(int x, int y) const
    {
        const auto side = static_cast<std::size_t>(size);
        return dark[static_cast<std::size_t>(y) * side + static_cast<std::size_t>(x)];
    }
};

// Medium error correction, 8-bit mode. Throws std::runtime_error when the text cannot be encoded
// (too long for a QR code).
QrCode encodeQr(std::string_view text);

// A square SVG of `pixels` per module with a 4-module quiet zone, black on white.
std::string qrSvg(const QrCode& code, int pixels = 8);

// Two rows per line with half blocks, dark on light, with a quiet zone: scannable from a
// terminal with a dark-on-light or light-on-dark theme alike.
std::string qrText(const QrCode& code);

} // namespace causeway::vote

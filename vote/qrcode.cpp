// The join address as a QR code, by libqrencode.
#include "vote/qrcode.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace causeway::vote {

namespace {
constexpr int kQuiet = 4;
}

QrCode encodeQr(std::string_view text)
{
    const std::string data(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!qr)
        throw std::runtime_error("The join address is too long for a QR code (" + std::to_string(data.size()) +
                                 " bytes).");
    QrCode code;
    code.size = qr->width;
    code.dark.resize(static_cast<std::size_t>(qr->width * qr->width));
    for (std::size_t i = 0; i < code.dark.size(); ++i)
        code.dark[i] = (qr->data[i] & 1) != 0; // bit 0: dark module
    return code;
}

std::string qrSvg(const QrCode& code, int pixels)
{
    const int side = (code.size + 2 * kQuiet) * pixels;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(side) + "\" height=\"" +
                      std::to_string(side) + "\" viewBox=\"0 0 " + std::to_string(code.size + 2 * kQuiet) + " " +
                      std::to_string(code.size + 2 * kQuiet) + "\" shape-rendering=\"crispEdges\">\n"
                      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" d=\"";
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.at(x, y))
                svg += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
    return svg + "\"/>\n</svg>\n";
}

std::string qrText(const QrCode& code)
{
    // Light modules are drawn (full block = both light), so the code reads as dark on light
    // whatever the terminal's own colours are once they are set explicitly.
    auto dark = [&](int x, int y) {
        return x >= 0 && y >= 0 && x < code.size && y < code.size && code.at(x, y);
    };
    std::string out;
    for (int y = -kQuiet; y < code.size + kQuiet; y += 2) {
        out += "\033[30;47m"; // black on white
        for (int x = -kQuiet; x < code.size + kQuiet; ++x) {
            const bool top = dark(x, y), bottom = dark(x, y + 1);
            out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
        }
        out += "\033[0m\n";
    }
    return out;
}

} // namespace causeway::vote

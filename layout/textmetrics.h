#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace causeway {

// Measuring and wrapping labels without Qt, for DejaVu Sans, the font the canvas draws with and
// the SVG export names first. Text is shaped as the renderers shape it (HarfBuzz on FreeType,
// with kerning, Arabic joining and emoji sequences), and characters DejaVu Sans lacks are measured
// in the font fontconfig falls back to, as Qt's does: the canvas (Qt) and the SVG renderers agree
// with these widths within a few percent, so a box sized here fits its text in every renderer.
// Thread-safe: layout measures on worker threads.

struct FontSpec {
    double pixelSize = 17;
    bool bold = false;
};

double textWidth(std::string_view utf8, const FontSpec& font);
double fontAscent(const FontSpec& font);
double lineHeight(const FontSpec& font); // baseline to baseline

// The families of the fonts that draw `utf8`, in order of first use: DejaVu Sans and the
// fallbacks fontconfig gives for the characters it lacks. For tests and diagnostics.
std::vector<std::string> fontFamiliesUsed(std::string_view utf8, const FontSpec& font);

// Breaks `utf8` into lines no wider than `maxWidth` where it can: at spaces (dropped), after
// hyphens and slashes, and always at '\n'. A single word wider than `maxWidth` keeps its own
// line and overflows, as Qt's word wrap does.
std::vector<std::string> wrapText(std::string_view utf8, double maxWidth, const FontSpec& font);

// A factor's box: sized for a projector seen from the back of a room (scene units are points at
// 100 % zoom). The canvas and the SVG export both size and fill boxes with this.
struct FactorBoxStyle {
    FontSpec font{17, true};
    double minWidth = 110;
    double maxTextWidth = 180;
    double paddingX = 12;
    double paddingY = 9;
    double cornerRadius = 9;
    double edgeWidth = 2.5;
};

struct FactorBoxText {
    std::vector<std::string> lines; // the label wrapped, at least one line
    double width = 0;  // the box, whole units
    double height = 0;
    double lineHeight = 0;
    // Baseline of line i, from the box's centre: firstBaseline + i * lineHeight.
    double firstBaseline = 0;
};

FactorBoxText layoutFactorBox(std::string_view label, const FactorBoxStyle& style = {});

} // namespace causeway

// HarfBuzz shaping on FreeType faces found through fontconfig, behind one mutex: FreeType's
// library and faces and HarfBuzz's buffers may not be used from two threads at once.
#include "layout/fontshaper.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ft.h>
#include <hb.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace causeway::text {
namespace {

// One face of a font file, opened once and kept for the life of the process.
struct Face {
    std::string family;
    FT_Face ft = nullptr;
    hb_font_t* hb = nullptr;
    double emPerUnit = 0; // HarfBuzz advances (font units) to ems
};

// DejaVu Sans in one weight, and fontconfig's fallback list for it.
struct Style {
    Face* primary = nullptr;
    FcFontSet* fallbacks = nullptr;
    std::unordered_map<char32_t, Face*> fallbackFor;
    std::unordered_map<std::string, double> widths; // ems, by text
};

struct Run {
    Face* face;
    hb_script_t script;
    unsigned start;
    unsigned length;
};

// Characters drawn with the character before them: marks, joiners, variation selectors, emoji
// modifiers and tags, and whatever follows a zero-width joiner.
bool joinsPrevious(char32_t c, char32_t previous)
{
    if (previous == 0x200D || c == 0x200C || c == 0x200D || c == 0x20E3
        || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF)
        || (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF))
        return true;
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
        return true;
    default:
        return false;
    }
}

class Shaper {
public:
    static Shaper& instance()
    {
        // Never destroyed: a worker thread may still measure while the process exits.
        static Shaper* const shaper = new Shaper;
        return *shaper;
    }

    double width(std::string_view utf8, bool bold)
    {
        const std::lock_guard lock(m_mutex);
        Style& style = m_styles[bold];
        const std::string key(utf8);
        if (const auto it = style.widths.find(key); it != style.widths.end())
            return it->second;
        const std::vector<char32_t> text = codePoints(utf8);
        double ems = 0;
        if (!style.primary)
            ems = 0.6 * double(text.size()); // no font at all: a rough guess beats nothing
        for (const Run& run : runs(style, text))
            ems += shape(*run.face, text, run);
        if (style.widths.size() > 100'000)
            style.widths.clear();
        style.widths.emplace(key, ems);
        return ems;
    }

    std::vector<std::string> families(std::string_view utf8, bool bold)
    {
        const std::lock_guard lock(m_mutex);
        std::vector<std::string> out;
        for (const Run& run : runs(m_styles[bold], codePoints(utf8)))
            if (std::find(out.begin(), out.end(), run.face->family) == out.end())
                out.push_back(run.face->family);
        return out;
    }

    LineMetrics metrics(bool bold)
    {
        const std::lock_guard lock(m_mutex);
        const Face* f = m_styles[bold].primary;
        if (!f)
            return {0.93, 0.24, 0}; // DejaVu Sans's own, should it be missing
        const double upem = f->ft->units_per_EM;
        return {f->ft->ascender / upem, -f->ft->descender / upem,
                (f->ft->height - f->ft->ascender + f->ft->descender) / upem};
    }

private:
    Shaper()
    {
        if (FT_Init_FreeType(&m_library) != 0)
            return;
        m_buffer = hb_buffer_create();
        for (const bool bold : {false, true}) {
            FcPattern* pattern = FcPatternCreate();
            FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("DejaVu Sans"));
            FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
            FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
            FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
            FcDefaultSubstitute(pattern);
            FcResult result = FcResultNoMatch;
            if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
                m_styles[bold].primary = open(match);
                FcPatternDestroy(match);
            }
            m_styles[bold].fallbacks = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
            FcPatternDestroy(pattern);
        }
    }

    static std::vector<char32_t> codePoints(std::string_view utf8)
    {
        std::vector<char32_t> out;
        out.reserve(utf8.size());
        for (std::size_t i = 0; i < utf8.size();) {
            char32_t c = nextCodePoint(utf8, i);
            if (c == '\t')
                c = ' ';
            if (c >= 0x20 && c != 0x7F) // other control characters draw nothing
                out.push_back(c);
        }
        return out;
    }

    Face* open(FcPattern* font)
    {
        FcChar8* file = nullptr;
        FcChar8* family = nullptr;
        int index = 0;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
            return nullptr;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        FcPatternGetString(font, FC_FAMILY, 0, &family);
        const std::string path = reinterpret_cast<const char*>(file);
        auto& slot = m_faces[{path, index}];
        if (slot)
            return slot.get();
        FT_Face ft = nullptr;
        if (FT_New_Face(m_library, path.c_str(), index, &ft) != 0)
            return nullptr;
        slot = std::make_unique<Face>();
        slot->family = family ? reinterpret_cast<const char*>(family) : path;
        slot->ft = ft;
        hb_face_t* face = hb_ft_face_create_referenced(ft);
        slot->hb = hb_font_create(face); // scaled to font units, unhinted: sizes scale linearly
        double scale = 1.0 / hb_face_get_upem(face);
        hb_face_destroy(face);
        if (!FT_IS_SCALABLE(ft) && ft->num_fixed_sizes > 0) {
            // A colour bitmap font (emoji): Qt draws its glyphs one em tall, scaling the strike's
            // height, not its ppem, to the pixel size.
            const FT_Bitmap_Size& strike = ft->available_sizes[0];
            if (strike.height > 0)
                scale *= (double(strike.y_ppem) / 64.0) / strike.height;
        }
        slot->emPerUnit = scale;
        return slot.get();
    }

    Face* faceFor(Style& style, char32_t c)
    {
        if (FT_Get_Char_Index(style.primary->ft, c) != 0)
            return style.primary;
        const auto [it, added] = style.fallbackFor.try_emplace(c, style.primary);
        if (added && style.fallbacks) {
            for (int i = 0; i < style.fallbacks->nfont; ++i) {
                FcPattern* font = style.fallbacks->fonts[i];
                FcCharSet* chars = nullptr;
                if (FcPatternGetCharSet(font, FC_CHARSET, 0, &chars) == FcResultMatch
                    && FcCharSetHasChar(chars, c)) {
                    if (Face* f = open(font)) {
                        it->second = f;
                        break;
                    }
                }
            }
        }
        return it->second; // DejaVu's own missing-glyph box when no font has it
    }

    // Splits the text where the face or the script changes; common characters (spaces, digits,
    // punctuation) join the script around them.
    std::vector<Run> runs(Style& style, const std::vector<char32_t>& text)
    {
        std::vector<Run> out;
        if (!style.primary || text.empty())
            return out;
        hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
        std::vector<Face*> faces(text.size());
        std::vector<hb_script_t> scripts(text.size(), HB_SCRIPT_INVALID);
        hb_script_t last = HB_SCRIPT_INVALID;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const bool joins = i > 0 && joinsPrevious(text[i], text[i - 1]);
            faces[i] = joins ? faces[i - 1] : faceFor(style, text[i]);
            const hb_script_t s = hb_unicode_script(unicode, text[i]);
            if (s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN)
                last = s;
            scripts[i] = last;
        }
        hb_script_t next = HB_SCRIPT_LATIN; // leading common characters take the first script
        for (std::size_t i = text.size(); i-- > 0;)
            scripts[i] == HB_SCRIPT_INVALID ? scripts[i] = next : next = scripts[i];
        for (unsigned i = 0; i < text.size(); ++i) {
            if (out.empty() || out.back().face != faces[i] || out.back().script != scripts[i])
                out.push_back({faces[i], scripts[i], i, 0});
            ++out.back().length;
        }
        return out;
    }

    // One run shaped with the whole text as context, so Arabic letters join across runs.
    double shape(const Face& face, const std::vector<char32_t>& text, const Run& run)
    {
        hb_buffer_reset(m_buffer);
        hb_buffer_add_codepoints(m_buffer, reinterpret_cast<const hb_codepoint_t*>(text.data()),
                                 int(text.size()), run.start, int(run.length));
        hb_direction_t direction = hb_script_get_horizontal_direction(run.script);
        hb_buffer_set_direction(m_buffer, direction == HB_DIRECTION_INVALID ? HB_DIRECTION_LTR
                                                                            : direction);
        hb_buffer_set_script(m_buffer, run.script);
        hb_buffer_set_language(m_buffer, hb_language_get_default());
        hb_shape(face.hb, m_buffer, nullptr, 0);
        unsigned count = 0;
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(m_buffer, &count);
        double units = 0;
        for (unsigned i = 0; i < count; ++i)
            units += positions[i].x_advance;
        return units * face.emPerUnit;
    }

    std::mutex m_mutex;
    FT_Library m_library = nullptr;
    hb_buffer_t* m_buffer = nullptr;
    std::map<std::pair<std::string, int>, std::unique_ptr<Face>> m_faces;
    Style m_styles[2];
};

} // namespace

char32_t nextCodePoint(std::string_view s, std::size_t& i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    const int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra <= 0 || i + extra >= s.size()) {
        ++i;
        return extra == 0 ? c : 0xFFFD;
    }
    char32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += extra + 1;
    return cp;
}

LineMetrics lineMetrics(bool bold)
{
    return Shaper::instance().metrics(bold);
}

double shapedWidth(std::string_view utf8, bool bold)
{
    return Shaper::instance().width(utf8, bold);
}

std::vector<std::string> familiesUsed(std::string_view utf8, bool bold)
{
    return Shaper::instance().families(utf8, bold);
}

} // namespace causeway::text

// The monitoring report: what is watched, by which figures, and what the latest data say.
#include "monitor/monitorreport.h"

#include "model/monitoringplan.h"
#include "model/nominations.h"

#include <charconv>
#include <cstdio>
#include <regex>

namespace causeway {

namespace {

std::string escaped(std::string_view text)
{
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", value);
    return buffer;
}

std::string pValue(double p)
{
    return p < 0.001 ? "< 0.001" : number(p);
}

// One row of the plan: the item, its indicator and its latest value.
struct PlanRow {
    std::string item;
    const Indicator* indicator = nullptr;
    std::string latest; // "212 (2025-12)" or "no data"
    std::string trend;
};

std::vector<PlanRow> planRows(const SystemMap& map, const SeriesSet& series, const MonitorReport& report)
{
    std::vector<ItemRef> items = map.monitoringPlan().watch;
    if (items.empty()) // no plan drafted: every item that has an indicator
        for (const Factor& f : map.factors())
            if (f.indicator)
                items.push_back(ItemRef::of(f.id));
    const auto attached = attachSeries(map, series);
    std::vector<PlanRow> rows;
    for (ItemRef item : items) {
        const bool exists = item.isLink() ? map.contains(item.link) : map.contains(item.factor);
        PlanRow row;
        row.item = exists ? itemName(map, item) : "(deleted from the map)";
        row.indicator = exists ? findIndicator(map, item) : nullptr;
        row.latest = "no data";
        if (const auto it = attached.find(item); it != attached.end() && !it->second->points.empty()) {
            const Observation& last = it->second->points.back();
            row.latest = number(last.value) + " (" + periodText(last.period) + ")";
        }
        for (const FactorCheck& f : report.factors)
            if (!item.isLink() && f.factor == item.factor)
                row.trend = f.trend.n < 4 ? "too short" : f.trend.direction > 0 ? "rising"
                            : f.trend.direction < 0                             ? "falling"
                                                                                : "no clear trend";
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string linkName(const SystemMap& map, LinkId id)
{
    const Link* link = map.findLink(id);
    return link ? describeLink(map, *link) : "(deleted link)";
}

const char* kMarksLegend = "Marks on the map (its legend shows them): a check in a circle, consistent with the data; "
                           "a cross in a square, contradicted by the data; a question mark in a dashed circle, "
                           "not enough data or no clear trend.";

// The map's SVG, each checked link marked with its verdict, without its XML declaration, to sit
// inside another document.
std::string inlineSvg(const SystemMap& map, const MonitorReport& report)
{
    SvgOptions options;
    options.legend = true;
    options.voteBadges = false; // the verdict marks are what this drawing is for
    addVerdictMarks(options, report);
    std::string svg = exportSvg(map, options);
    if (svg.rfind("<?xml", 0) == 0)
        svg.erase(0, svg.find("?>") + 2);
    return svg;
}

} // namespace

VerdictMark markOf(const LinkCheck& check)
{
    switch (check.verdict) {
    case Verdict::Consistent: return VerdictMark::Consistent;
    case Verdict::Contradicted: return VerdictMark::Contradicted;
    case Verdict::Insufficient: break;
    }
    return VerdictMark::Unclear;
}

VerdictMark markOf(const FactorCheck& check)
{
    if (check.trend.direction == 0)
        return VerdictMark::Unclear;
    if (check.upstreamAgree > 0 && check.upstreamDisagree == 0)
        return VerdictMark::Consistent;
    if (check.upstreamDisagree > 0 && check.upstreamAgree == 0)
        return VerdictMark::Contradicted;
    return VerdictMark::Unclear;
}

VerdictMark markOf(const LoopCheck& check)
{
    if (check.contradicted > 0 || check.growTogether == false)
        return VerdictMark::Contradicted;
    if (check.monitoredLinks > 0 && check.consistent == check.monitoredLinks)
        return VerdictMark::Consistent;
    return VerdictMark::Unclear;
}

void addVerdictMarks(SvgOptions& options, const MonitorReport& report)
{
    for (const LinkCheck& c : report.links)
        options.linkMarks[c.link] = {markOf(c), verdictMarkClass(markOf(c)) + std::string(": ") + c.text};
    for (const FactorCheck& f : report.factors)
        options.factorMarks[f.factor] = {markOf(f), verdictMarkClass(markOf(f)) + std::string(": ") + f.text};
}

std::string verdictMark(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Consistent: return "\xe2\x9c\x93 consistent";     // ✓
    case Verdict::Contradicted: return "\xe2\x9c\x97 contradicted"; // ✗
    case Verdict::Insufficient: return "\xe2\x80\xa6 insufficient"; // …
    }
    return "";
}

std::string monitoringReportHtml(const SystemMap& map, const SeriesSet& series, const MonitorReport& report)
{
    const std::string title = map.title.empty() ? "Monitoring plan" : "Monitoring plan: " + map.title;
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escaped(title)
                    + "</title>\n<style>body{font-family:'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;"
                      "line-height:1.4}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;"
                      "padding:.3em;text-align:left;vertical-align:top}.contradicted{font-weight:bold}"
                      ".caution{border-left:4px solid #555;padding-left:1em}svg{max-width:100%;height:auto}</style>"
                      "</head><body>\n<h1>" + escaped(title) + "</h1>\n";
    const MonitoringPlan& plan = map.monitoringPlan();
    if (!plan.round.empty())
        h += "<p>Drafted from the nomination round <b>" + escaped(plan.round) + "</b>.</p>\n";
    h += "<h2>What we watch</h2>\n<table><tr><th>Item</th><th>Indicator</th><th>Definition</th><th>Unit</th>"
         "<th>Source</th><th>Frequency</th><th>Owner</th><th>Better when</th><th>Latest</th><th>Trend</th></tr>\n";
    for (const PlanRow& r : planRows(map, series, report)) {
        const Indicator none;
        const Indicator& i = r.indicator ? *r.indicator : none;
        h += "<tr><td>" + escaped(r.item) + "</td><td>" + escaped(i.name) + "</td><td>" + escaped(i.definition)
             + "</td><td>" + escaped(i.unit) + "</td><td>" + escaped(i.source) + "</td><td>" + escaped(i.frequency)
             + "</td><td>" + escaped(i.owner) + "</td><td>" + (r.indicator ? (i.higherIsBetter ? "higher" : "lower") : "")
             + "</td><td>" + escaped(r.latest) + "</td><td>" + escaped(r.trend) + "</td></tr>\n";
    }
    h += "</table>\n";
    if (!plan.review.empty()) {
        h += "<h2>Could stop watching (to review)</h2>\n<ul>\n";
        for (ItemRef item : plan.review)
            h += "<li>" + escaped(itemName(map, item)) + "</li>\n";
        h += "</ul>\n";
    }
    h += "<h2>Did the map hold up?</h2>\n<p class=\"caution\">" + escaped(report.caution) + "</p>\n"
         "<table><tr><th>Link</th><th>Verdict</th><th>Agreement</th><th>p</th><th>Lag</th><th>What the data say</th></tr>\n";
    for (const LinkCheck& c : report.links)
        h += "<tr class=\"" + std::string(verdictName(c.verdict)) + "\"><td>" + escaped(linkName(map, c.link)) + "</td><td>"
             + verdictMark(c.verdict) + "</td><td>" + std::to_string(c.agree) + " of " + std::to_string(c.pairs)
             + "</td><td>" + pValue(c.p) + "</td><td>" + std::to_string(c.lag) + "</td><td>" + escaped(c.text)
             + "</td></tr>\n";
    h += "</table>\n<h3>Factors</h3>\n<ul>\n";
    for (const FactorCheck& f : report.factors)
        h += "<li>" + escaped(f.text) + "</li>\n";
    h += "</ul>\n";
    if (!report.loops.empty()) {
        h += "<h3>Loops</h3>\n<ul>\n";
        for (const LoopCheck& l : report.loops)
            h += "<li>" + escaped(l.text) + "</li>\n";
        h += "</ul>\n";
    }
    h += "<h2>The map</h2>\n<p>" + escaped(kMarksLegend) + "</p>\n" + inlineSvg(map, report) + "\n</body></html>\n";
    return h;
}

} // namespace causeway

namespace causeway {

namespace {

// Lines of at most `width` characters, broken at spaces (UTF-8 sequences kept whole).
std::vector<std::string> wrapped(const std::string& text, std::size_t width)
{
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

// Writes text lines down the page.
class Page {
public:
    static constexpr double kWidth = 1000;
    static constexpr double kMargin = 40;

    void heading(const std::string& text, double size)
    {
        m_y += size * 0.8;
        line(text, size, "bold");
        m_y += size * 0.3;
    }
    void paragraph(const std::string& text, double indent = 0, const char* weight = "normal")
    {
        for (const std::string& l : wrapped(text, static_cast<std::size_t>(118 - indent / 7)))
            line(l, 13, weight, indent);
        m_y += 4;
    }
    void drawing(const std::string& svg)
    {
        static const std::regex size(R"(width="([0-9.]+)px" height="([0-9.]+)px")");
        std::smatch m;
        const std::size_t open = svg.find("<svg");
        const std::size_t close = svg.find('>', open);
        std::string tag = svg.substr(open, close - open);
        if (!std::regex_search(tag, m, size))
            return;
        const double w = std::stod(m[1]);
        const double h = std::stod(m[2]);
        const double shown = kWidth - 2 * kMargin;
        const double height = h * shown / w;
        tag = std::regex_replace(tag, size, "x=\"" + number(kMargin) + "\" y=\"" + std::to_string(m_y)
                                                + "\" width=\"" + number(shown) + "\" height=\""
                                                + std::to_string(height) + "\"");
        m_body += tag + svg.substr(close);
        m_y += height + 20;
    }
    std::string document() const
    {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
               "width=\"" + number(kWidth) + "px\" height=\"" + std::to_string(static_cast<int>(m_y + kMargin))
               + "px\" viewBox=\"0 0 " + number(kWidth) + " " + std::to_string(static_cast<int>(m_y + kMargin))
               + "\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
               + m_body + "</svg>\n";
    }

private:
    void line(const std::string& text, double size, const char* weight, double indent = 0)
    {
        m_y += size * 1.35;
        m_body += "<text x=\"" + number(kMargin + indent) + "\" y=\"" + std::to_string(m_y)
                  + "\" font-family=\"DejaVu Sans\" font-size=\"" + number(size) + "\" font-weight=\"" + weight
                  + "\">" + escaped(text) + "</text>\n";
    }
    double m_y = kMargin;
    std::string m_body;
};

} // namespace

std::string monitoringReportSvg(const SystemMap& map, const SeriesSet& series, const MonitorReport& report)
{
    Page page;
    page.heading(map.title.empty() ? "Monitoring plan" : "Monitoring plan: " + map.title, 22);
    const MonitoringPlan& plan = map.monitoringPlan();
    if (!plan.round.empty())
        page.paragraph("Drafted from the nomination round '" + plan.round + "'.");
    page.heading("What we watch", 17);
    for (const PlanRow& r : planRows(map, series, report)) {
        std::string details;
        if (r.indicator) {
            const Indicator& i = *r.indicator;
            details = ": " + i.name;
            for (const std::string* part : {&i.unit, &i.frequency, &i.source, &i.owner})
                if (!part->empty())
                    details += ", " + *part;
            details += std::string(", better when ") + (i.higherIsBetter ? "higher" : "lower");
        }
        page.paragraph("\xe2\x80\xa2 " + r.item + details + ". Latest: " + r.latest
                           + (r.trend.empty() ? "" : ", " + r.trend) + ".");
    }
    if (!plan.review.empty()) {
        page.heading("Could stop watching (to review)", 17);
        for (ItemRef item : plan.review)
            page.paragraph("\xe2\x80\xa2 " + itemName(map, item));
    }
    page.heading("Did the map hold up?", 17);
    page.paragraph(report.caution, 0, "italic");
    for (const LinkCheck& c : report.links) {
        page.paragraph(verdictMark(c.verdict) + "  " + linkName(map, c.link) + "  (" + std::to_string(c.agree) + " of "
                           + std::to_string(c.pairs) + ", p " + (c.p < 0.001 ? "" : "= ") + pValue(c.p) + ", lag " + std::to_string(c.lag) + ")",
                       0, c.verdict == Verdict::Contradicted ? "bold" : "normal");
        page.paragraph(c.text, 24);
    }
    if (!report.factors.empty())
        page.heading("Factors", 15);
    for (const FactorCheck& f : report.factors)
        page.paragraph(f.text);
    if (!report.loops.empty())
        page.heading("Loops", 15);
    for (const LoopCheck& l : report.loops)
        page.paragraph(l.text);
    page.heading("The map", 17);
    page.paragraph(kMarksLegend);
    page.drawing(inlineSvg(map, report));
    return page.document();
}

} // namespace causeway

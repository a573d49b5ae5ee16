#include "app/document/clipboard.h"

#include "io/mapfile.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QStringList>

namespace causeway {

namespace {

// Plain text from elsewhere can be anything: past this many lines it is not a list of factors.
constexpr int kMaxTextFactors = 500;
constexpr double kTextLineSpacing = 60;

std::optional<SystemMap> fragmentFromText(const QString& text)
{
    SystemMap map;
    double y = 0;
    for (const QString& line : text.split('\n')) {
        const QString label = line.trimmed();
        if (label.isEmpty())
            continue;
        if (int(map.factorCount()) == kMaxTextFactors)
            return std::nullopt;
        Factor f;
        f.label = label.toStdString();
        f.position = {0, y};
        y += kTextLineSpacing;
        map.addFactor(f);
    }
    if (map.factorCount() == 0)
        return std::nullopt;
    return map;
}

} // namespace

QMimeData* fragmentToMimeData(const SystemMap& fragment)
{
    auto* data = new QMimeData;
    data->setData(kFragmentMimeType, QByteArray::fromStdString(writeMapJson(fragment)));
    QStringList labels;
    for (const Factor& f : fragment.factors())
        labels << QString::fromStdString(f.label);
    data->setText(labels.join('\n'));
    return data;
}

std::optional<SystemMap> fragmentFromMimeData(const QMimeData* data)
{
    if (!data)
        return std::nullopt;
    if (data->hasFormat(kFragmentMimeType)) {
        const QByteArray json = data->data(kFragmentMimeType);
        try {
            return parseMapJson(std::string_view(json.constData(), std::size_t(json.size())),
                                "clipboard");
        } catch (const std::exception&) {
            return std::nullopt; // another version's or a damaged fragment: paste nothing
        }
    }
    if (data->hasText())
        return fragmentFromText(data->text());
    return std::nullopt;
}

void copyFragmentToClipboard(const SystemMap& fragment)
{
    QApplication::clipboard()->setMimeData(fragmentToMimeData(fragment));
}

std::optional<SystemMap> fragmentFromClipboard()
{
    return fragmentFromMimeData(QApplication::clipboard()->mimeData());
}

bool clipboardHasFragment()
{
    const QMimeData* data = QApplication::clipboard()->mimeData();
    return data && (data->hasFormat(kFragmentMimeType) || data->hasText());
}

Point fragmentCentre(const SystemMap& fragment)
{
    const std::vector<Factor> factors = fragment.factors();
    if (factors.empty())
        return {};
    double minX = factors[0].position.x, maxX = minX;
    double minY = factors[0].position.y, maxY = minY;
    for (const Factor& f : factors) {
        minX = std::min(minX, f.position.x);
        maxX = std::max(maxX, f.position.x);
        minY = std::min(minY, f.position.y);
        maxY = std::max(maxY, f.position.y);
    }
    return {(minX + maxX) / 2, (minY + maxY) / 2};
}

} // namespace causeway

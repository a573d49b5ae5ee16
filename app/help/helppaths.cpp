// Finds the sample map and the guide as installed, or in the source tree of a build.
#include "app/help/helppaths.h"

#include <causeway/buildinfo.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace causeway {

QString findDataFile(const QString& installedRelative, const QString& sourceRelative,
                     const QString& programDir, const QString& sourceDir)
{
    const QString installed =
        QDir(programDir).filePath(QStringLiteral("../share/causeway/") + installedRelative);
    if (QFileInfo(installed).isFile())
        return QDir::cleanPath(installed);
    const QString built = QDir(sourceDir).filePath(sourceRelative);
    if (!sourceDir.isEmpty() && QFileInfo(built).isFile())
        return QDir::cleanPath(built);
    return {};
}

namespace {

QString find(const QString& installedRelative, const QString& sourceRelative)
{
    return findDataFile(installedRelative, sourceRelative, QCoreApplication::applicationDirPath(),
                        QString::fromUtf8(buildinfo::kSourceDir));
}

} // namespace

QString samplePath()
{
    return find(QStringLiteral("samples/peer-nsp.causeway"),
                QStringLiteral("resources/samples/peer-nsp.causeway"));
}

QString guidePath()
{
    return find(QStringLiteral("guide/index.html"), QStringLiteral("packaging/guide/index.html"));
}

} // namespace causeway

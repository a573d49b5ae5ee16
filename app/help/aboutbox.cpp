// The About box's text and dialog.
#include "app/help/aboutbox.h"

#include <causeway/buildinfo.h>

#include <QMessageBox>
#include <QtGlobal>

namespace causeway {

QString aboutText()
{
    QString libraries = QStringLiteral("<tr><td>Qt</td><td>%1 (built with %2)</td></tr>")
                            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    for (const buildinfo::Library& library : buildinfo::kLibraries) {
        const QString version = QString::fromUtf8(library.version);
        libraries += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                         .arg(QString::fromUtf8(library.name),
                              version.isEmpty() ? QObject::tr("unknown") : version);
    }
    return QObject::tr("<h3>Causeway %1</h3>"
                       "<p>Participatory causal systems mapping: draw the map together, find its "
                       "feedback loops, choose what to monitor.</p>"
                       "<p>Licence: %2. Home page: <a href=\"%3\">%3</a></p>"
                       "<p>Built with:</p><table cellpadding=2>%4</table>")
        .arg(QString::fromUtf8(buildinfo::kVersion), QString::fromUtf8(buildinfo::kLicense),
             QString::fromUtf8(buildinfo::kHomepage), libraries);
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About Causeway"), aboutText());
}

} // namespace causeway

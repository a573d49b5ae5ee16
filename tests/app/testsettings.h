#pragma once

// Where the editor's tests keep what the editor would remember for its user (recent maps, window
// layout, recovery files): never the user's own settings or data.

#include <QSettings>
#include <QStandardPaths>
#include <QString>

namespace causeway::test {

// Settings (QSettings, user scope) in `folder`, one run's own, and standard paths in Qt's test
// locations. Called before the application exists.
inline void keepSettingsIn(const QString& folder)
{
    QStandardPaths::setTestModeEnabled(true);
    for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
        QSettings::setPath(format, QSettings::UserScope, folder);
}

} // namespace causeway::test

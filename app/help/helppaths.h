#pragma once

#include <QString>

namespace causeway {

// Where the files the package installs under share/causeway/ (the sample map, the guide) are:
// beside the program as installed (BIN/../share/causeway/, so a `dpkg -x` copy works too), else
// in the source tree of a build. Empty when neither has the file.
QString findDataFile(const QString& installedRelative, const QString& sourceRelative,
                     const QString& programDir, const QString& sourceDir);

// The two the editor opens, for this program.
QString samplePath(); // File > Open Sample
QString guidePath();  // Help > Guide

} // namespace causeway

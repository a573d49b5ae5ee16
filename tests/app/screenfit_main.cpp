// The main() of the screen-fit tests: Qt's offscreen platform given one 1024x768 screen (a
// workshop projector), and settings in a temporary folder, never the user's.
#include "tests/app/testsettings.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    QTemporaryDir dir; // works before the application exists: it needs no event loop
    if (!dir.isValid())
        return 1;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    if (FILE* f = std::fopen(config.toLocal8Bit().constData(), "w")) {
        std::fputs("{\"screens\": [{\"name\": \"Projector\", \"x\": 0, \"y\": 0, \"width\": 1024, "
                   "\"height\": 768, \"logicalDpi\": 96, \"logicalBaseDpi\": 96, \"dpr\": 1}]}",
                   f);
        std::fclose(f);
    }
    // Always this screen, whatever the caller's display: the tests are about its size.
    setenv("QT_QPA_PLATFORM", ("offscreen:configfile=" + config).toLocal8Bit().constData(), 1);
    causeway::test::keepSettingsIn(dir.filePath(QStringLiteral("settings")));
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    QApplication::setApplicationName(QStringLiteral("ScreenFit"));
    // The editor's own type size (main.cpp): a size up from the desktop default.
    QFont font = QApplication::font();
    font.setPointSizeF(std::max(11.0, font.pointSizeF() * 1.15));
    QApplication::setFont(font);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

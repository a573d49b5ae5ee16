#pragma once

// The main() of the whole-window tests (gui_smoke, rounds_gui): a real display (Xvfb) when there
// is one, offscreen otherwise, so the tests still run; recent files go to a test settings file.

#include <QApplication>
#include <QStandardPaths>
#include <QString>

#include <gtest/gtest.h>

#include <cstdlib>

namespace causeway::test {

inline int runWindowTests(int argc, char** argv, const char* applicationName)
{
    if (!std::getenv("QT_QPA_PLATFORM") && !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    QApplication::setApplicationName(QString::fromLatin1(applicationName));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

} // namespace causeway::test

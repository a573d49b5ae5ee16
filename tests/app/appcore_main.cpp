// The document-layer tests need a QApplication (QUndoStack, QClipboard) but no display; their
// settings (recent maps) go to a folder of this run's own, removed after it, and any recovery
// files to Qt's test locations: never the user's.
#include "tests/app/testsettings.h"

#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cstdlib>

int main(int argc, char** argv)
{
    // gtest_discover_tests runs this binary without the test's environment.
    if (!std::getenv("QT_QPA_PLATFORM"))
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    const QTemporaryDir settings; // one per run: runs side by side never share a settings file
    if (!settings.isValid())
        return 1;
    causeway::test::keepSettingsIn(settings.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CausewayTests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

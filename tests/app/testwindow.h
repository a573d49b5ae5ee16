#pragma once

// The main window as the whole-window tests open it.

#include "app/mainwindow.h"

#include <QApplication>
#include <QSize>
#include <QTest>

#include <gtest/gtest.h>

namespace causeway::test {

// No autosave, kept when closed (the test deletes it), shown at `size`, exposed and made the
// active window: Xvfb has no window manager to activate it, and shortcuts need an active window.
// Call as ASSERT_NO_FATAL_FAILURE(showTestWindow(window, size)).
inline void showTestWindow(MainWindow*& window, QSize size)
{
    window = new MainWindow(/*withAutosave=*/false);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    window->resize(size);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    QApplication::setActiveWindow(window);
}

} // namespace causeway::test

#pragma once

// Fixture access shared by the nomination-round tests (tests/data/ballots, see its README).

#include <QFile>
#include <QString>

#include <gtest/gtest.h>

#include <string>

namespace causeway::test {

inline std::string readFile(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll().toStdString();
}

// The tally is written with CRLF (RFC 4180); the fixture has plain newlines.
inline std::string withoutCr(std::string text)
{
    std::erase(text, '\r');
    return text;
}

inline QString data(const char* name)
{
    return QStringLiteral(CAUSEWAY_TEST_DATA "/ballots/") + QLatin1String(name);
}

} // namespace causeway::test

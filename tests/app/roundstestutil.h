#pragma once

// Fixture access shared by the nomination-round tests (tests/data/ballots, see its README).

#include "io/ballots.h"

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

// The tally CSV as it is exported once the round is revealed (io refuses a secret round's): the
// tests' view of the results, whatever the round's secrecy.
inline std::string revealedTallyCsv(const SystemMap& map, NominationRound round)
{
    round.revealed = true;
    return tallyCsv(map, round);
}

inline QString data(const char* name)
{
    return QStringLiteral(CAUSEWAY_TEST_DATA "/ballots/") + QLatin1String(name);
}

} // namespace causeway::test

// Rounds > Open to Phones in a real window (Xvfb when there is one): the sample map's round is
// served on 127.0.0.1 (never any other address), participants join and vote over HTTP from this
// test, the join screen's live count follows, a participant is removed, the round is closed and
// revealed, and the tally is the ballots sent, phone and pass-the-mouse together. Each
// acknowledged ballot is in the Document and in the recovery copy when the phone hears of it.
// Set CAUSEWAY_SCREENSHOT_DIR to also write phones-join.png and phones-count.png at 1024x768.
#include "guitestmain.h"
#include "app/document/autosave.h"
#include "app/document/document.h"
#include "app/document/filecontroller.h"
#include "app/mainwindow.h"
#include "app/rounds/phonejoinscreen.h"
#include "app/rounds/phonevoting.h"
#include "app/rounds/roundedits.h"
#include "app/rounds/roundspanel.h"
#include "io/mapfile.h"
#include "model/nominations.h"
#include "tests/app/testwindow.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <iostream>
#include <map>

using namespace causeway;
using Json = nlohmann::json;

namespace {

struct Answer {
    int status = 0; // 0: no connection
    Json body;
};

// One HTTP/1.1 request to 127.0.0.1:port over a plain socket, read to the end.
Answer http(quint16 port, const std::string& method, const std::string& target, const std::string& body = {},
            const std::string& token = {})
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        ::close(fd);
        return {};
    }
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          + "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    if (!token.empty())
        request += "Authorization: Bearer " + token + "\r\n";
    request += "\r\n" + body;
    for (std::size_t sent = 0; sent < request.size();) {
        const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += std::size_t(n);
    }
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
        response.append(buffer, std::size_t(n));
    ::close(fd);
    Answer answer;
    if (response.size() < 12)
        return answer;
    answer.status = std::stoi(response.substr(9, 3));
    const auto start = response.find("\r\n\r\n");
    answer.body = Json::parse(response.substr(start + 4), nullptr, false);
    return answer;
}

// Runs `call` on a thread of its own while the GUI thread goes on handling events: a ballot is
// written into the Document on the GUI thread before the phone's answer comes.
template <class Call>
auto beside(Call call)
{
    auto future = std::async(std::launch::async, call);
    while (future.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.get();
}

std::string fid(const SystemMap& map, const char* label)
{
    const auto item = findItemByName(map, label);
    EXPECT_TRUE(item && !item->isLink()) << label;
    return item ? "f" + std::to_string(item->factor.value) : std::string();
}

struct PhonesGui : ::testing::Test {
    MainWindow* window = nullptr;
    Document* doc = nullptr;
    RoundsPanel* panel = nullptr;
    QTemporaryDir recovery;
    Autosaver* saver = nullptr;
    QString shots = QString::fromLocal8Bit(qgetenv("CAUSEWAY_SCREENSHOT_DIR"));

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(test::showTestWindow(window, {1024, 768}));
        doc = window->document();
        panel = window->rounds();
        panel->setAsk([](const QString&, const QString&) { return true; });
        ASSERT_TRUE(window->files()->openPath(QStringLiteral(CAUSEWAY_SAMPLE_MAP)));
        // What the editor proper wires up: ballots durable in the recovery copy.
        saver = new Autosaver(doc, recovery.path(), window);
        panel->phones()->setPersist([this](QString* error) { return saver->saveNow(error); });
        NominationRound round;
        round.name = "Round 1";
        round.participants = {"Ana", "Ben", "Caro", "Dee", "Eve"};
        ASSERT_TRUE(panel->createRound(round));
    }
    void TearDown() override
    {
        if (window)
            doc->markSaved();
        delete window;
    }
    const NominationRound& theRound() const { return *findRound(doc->map(), "Round 1"); }
    const Ballot* ballotOf(const SystemMap& map, const std::string& who) const
    {
        for (const Ballot& b : findRound(map, "Round 1")->ballots)
            if (b.participant == who)
                return &b;
        return nullptr;
    }
    // The recovery copy, as a restart after a kill would find it.
    SystemMap recovered() const { return loadMapFile(saver->recoveryPath().toStdString()); }
    // Opens the round to phones; `who` joins and nominates `item` to watch.
    void openAndVote(const std::string& who, const std::string& item)
    {
        ASSERT_TRUE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
        const quint16 port = panel->phones()->port();
        const std::string code = panel->phones()->joinCode().toStdString();
        beside([&] {
            const Answer joined = http(port, "POST", "/api/join", Json{{"code", code}, {"name", who}}.dump());
            EXPECT_EQ(http(port, "PUT", "/api/ballot", Json{{"watch", {item}}}.dump(),
                           joined.body["token"].get<std::string>()).status, 200);
            return 0;
        });
    }
    void shoot(const char* name)
    {
        if (!shots.isEmpty()) {
            EXPECT_TRUE(panel->joinScreen()->grab().save(shots + "/" + name)) << name;
        }
    }
};

TEST_F(PhonesGui, PhoneBallotsReachTheTallyWithTheOthersAndNoneAfterClosing)
{
    const SystemMap& map = doc->map();
    // Dee and Eve vote at the shared screen first; Dee then votes again by phone.
    ASSERT_TRUE(roundedits::castBallot(doc, "Round 1", {"Dee", {*findItemByName(map, "Stigma in mainstream services")}, {}}));
    ASSERT_TRUE(roundedits::castBallot(doc, "Round 1", {"Eve", {*findItemByName(map, "Stigma in mainstream services")}, {}}));
    // Gil's ballot comes from a paper round's CSV.
    const QString csv = recovery.filePath(QStringLiteral("paper.csv"));
    {
        QFile file(csv);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("Participant,Kind,Item\nGil,stop,Client trust in the service\n");
    }
    ASSERT_TRUE(panel->importBallots(csv));
    // Not while the round is voted on at the shared screen.
    ASSERT_TRUE(panel->startVoting());
    EXPECT_FALSE(panel->openToPhonesAction()->isEnabled());
    EXPECT_FALSE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
    panel->endVoting();
    ASSERT_TRUE(panel->openToPhonesAction()->isEnabled());
    ASSERT_TRUE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
    EXPECT_FALSE(panel->openToPhonesAction()->isEnabled());
    EXPECT_FALSE(panel->startVoting()); // nor the other way round
    EXPECT_FALSE(doc->factorEditLock().isEmpty());
    EXPECT_EQ(doc->addFactor(QStringLiteral("Edited while open"), {0, 0}), FactorId());
    PhoneJoinScreen* screen = panel->joinScreen();
    ASSERT_TRUE(screen && screen->isVisible());
    screen->resize(1024, 768);
    const quint16 port = panel->phones()->port();
    const std::string code = panel->phones()->joinCode().toStdString();
    EXPECT_TRUE(panel->phones()->joinUrl().endsWith(QStringLiteral(":%1/?code=").arg(port) + code.c_str()));
    EXPECT_EQ(screen->countText(), QStringLiteral("3 of 6 have voted"));
    shoot("phones-join.png");

    // Five phones join at once: four listed names and a newcomer.
    const std::vector<std::string> names{"Ana", "Ben", "Caro", "Dee", "Fay"};
    const auto tokens = beside([&] {
        std::vector<std::future<Answer>> joins;
        for (const std::string& name : names)
            joins.push_back(std::async(std::launch::async, [&, name] {
                return http(port, "POST", "/api/join", Json{{"code", code}, {"name", name}}.dump());
            }));
        std::map<std::string, std::string> out;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const Answer a = joins[i].get();
            EXPECT_EQ(a.status, 200) << names[i];
            if (a.status == 200)
                out[names[i]] = a.body["token"].get<std::string>();
        }
        return out;
    });
    ASSERT_EQ(tokens.size(), names.size());
    EXPECT_EQ(http(port, "POST", "/api/join", Json{{"code", "WRONG1"}, {"name", "Gil"}}.dump()).status, 403);

    // Each ballot is in the Document and the recovery copy when its phone is answered.
    const std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> ballots{
        {"Ana", {{fid(map, "Stigma in mainstream services"), fid(map, "Client trust in the service")}, {}}},
        {"Ben", {{fid(map, "Stigma in mainstream services")}, {fid(map, "Client trust in the service")}}},
        {"Caro", {{fid(map, "Client trust in the service")}, {fid(map, "Stigma in mainstream services")}}},
        {"Dee", {{}, {fid(map, "Stigma in mainstream services")}}},
        {"Fay", {{fid(map, "Stigma in mainstream services")}, {}}},
    };
    const std::string recoveryPath = saver->recoveryPath().toStdString();
    for (const auto& [who, choice] : ballots) {
        // The recovery copy is read by the phone's side the moment the answer comes, as a kill
        // right then would leave it.
        const auto [a, saved] = beside([&, who = who, choice = choice] {
            Answer answer = http(port, "PUT", "/api/ballot",
                                 Json{{"watch", choice.first}, {"stop", choice.second}}.dump(), tokens.at(who));
            return std::pair(answer, loadMapFile(recoveryPath));
        });
        ASSERT_EQ(a.status, 200) << who << " " << a.body.dump();
        const Ballot* inDocument = ballotOf(doc->map(), who);
        ASSERT_NE(inDocument, nullptr) << who;
        EXPECT_EQ(inDocument->watch.size(), choice.first.size()) << who;
        EXPECT_EQ(inDocument->stop.size(), choice.second.size()) << who;
        ASSERT_NE(ballotOf(saved, who), nullptr) << who << " is not in the recovery copy";
        EXPECT_EQ(*ballotOf(saved, who), *inDocument);
        EXPECT_FALSE(findRound(saved, "Round 1")->closed); // reopening resumes the round
    }
    // Over budget: refused, nothing changes.
    EXPECT_EQ(beside([&] {
                  return http(port, "PUT", "/api/ballot",
                              Json{{"watch", {fid(map, "Peer worker skill"), fid(map, "Client visits to the NSP"),
                                              fid(map, "Two-way knowledge exchange"), fid(map, "Safer-use education")}}}
                                  .dump(),
                              tokens.at("Ana"));
              }).status,
              422);
    ASSERT_TRUE(QTest::qWaitFor([&] { return screen->countText() == QStringLiteral("7 of 7 have voted"); }, 5000))
        << screen->countText().toStdString();
    shoot("phones-count.png");
    // Names only: no token, no item anyone chose.
    for (const QString& text : screen->shownText()) {
        for (const auto& [who, token] : tokens)
            EXPECT_FALSE(text.contains(QString::fromStdString(token))) << "a token is on the projector";
        for (const char* label : {"Stigma", "Client trust"})
            EXPECT_FALSE(text.contains(QLatin1String(label))) << "a choice is on the projector";
    }

    // Ben is removed: his ballot goes and his phone can no longer vote.
    ASSERT_TRUE(panel->removePhoneParticipant(QStringLiteral("Ben")));
    EXPECT_EQ(ballotOf(doc->map(), "Ben"), nullptr);
    EXPECT_EQ(ballotOf(recovered(), "Ben"), nullptr);
    EXPECT_EQ(beside([&] { return http(port, "PUT", "/api/ballot", R"({"watch":[]})", tokens.at("Ben")); }).status, 401);
    ASSERT_TRUE(QTest::qWaitFor([&] { return screen->countText() == QStringLiteral("6 of 6 have voted"); }, 5000))
        << screen->countText().toStdString();

    // Closed: the server stops and a later ballot is not taken.
    ASSERT_TRUE(panel->closePhones());
    EXPECT_TRUE(theRound().closed);
    EXPECT_TRUE(doc->factorEditLock().isEmpty());
    EXPECT_FALSE(panel->phones()->isOpen());
    const NominationRound closed = theRound();
    const Answer late = beside([&] {
        return http(port, "PUT", "/api/ballot", Json{{"watch", {fid(map, "Stigma in mainstream services")}}}.dump(), tokens.at("Ana"));
    });
    EXPECT_NE(late.status, 200);
    EXPECT_EQ(theRound(), closed);

    // Reveal: the tally is the ballots sent, with Eve's from the shared screen and Gil's from paper.
    ASSERT_TRUE(panel->reveal(true));
    std::map<std::string, std::pair<int, int>> expected{{fid(map, "Stigma in mainstream services"), {1, 0}}, // Eve
                                                        {fid(map, "Client trust in the service"), {0, 1}}}; // Gil
    for (const auto& [who, choice] : ballots) {
        if (who == "Ben")
            continue;
        for (const std::string& id : choice.first)
            ++expected[id].first;
        for (const std::string& id : choice.second)
            ++expected[id].second;
    }
    std::map<std::string, std::pair<int, int>> tallied;
    for (const TallyRow& row : tallyRound(theRound()))
        tallied["f" + std::to_string(row.item.factor.value)] = {row.watch, row.stop};
    EXPECT_EQ(tallied, expected);
    EXPECT_EQ(theRound().ballots.size(), 6u); // Ana, Caro, Dee (once), Eve, Fay, Gil
}

TEST_F(PhonesGui, APortInUseIsRefusedAndTheRoundIsUntouched)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    ASSERT_EQ(::listen(fd, 1), 0);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    const MapData before = mapDataOf(doc->map());
    EXPECT_FALSE(panel->openToPhones(QStringLiteral("127.0.0.1"), ntohs(address.sin_port)));
    ::close(fd);
    EXPECT_TRUE(panel->messageLabel()->text().contains(QStringLiteral("Cannot listen on 127.0.0.1:")))
        << panel->messageLabel()->text().toStdString();
    EXPECT_FALSE(panel->phones()->isOpen());
    EXPECT_TRUE(doc->factorEditLock().isEmpty());
    EXPECT_EQ(mapDataOf(doc->map()), before);
    EXPECT_FALSE(panel->openToPhones(QStringLiteral("not an address"), 0));
    EXPECT_TRUE(panel->messageLabel()->text().contains(QStringLiteral("not an IP address")));
    EXPECT_TRUE(panel->openToPhonesAction()->isEnabled());
}

TEST_F(PhonesGui, WithoutARecoveryCopyPhonesAreNotOpened)
{
    panel->phones()->setPersist({});
    EXPECT_FALSE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
    EXPECT_TRUE(panel->messageLabel()->text().contains(QStringLiteral("autosave")));
    EXPECT_TRUE(doc->factorEditLock().isEmpty());
}

TEST_F(PhonesGui, ARecoveredMapResumesTheRoundWithItsBallots)
{
    const std::string stigma = fid(doc->map(), "Stigma in mainstream services");
    ASSERT_NO_FATAL_FAILURE(openAndVote("Ana", stigma));
    // As after a kill: the recovery copy is opened and the round opened to phones again; Ana
    // rejoins as herself and finds her ballot.
    const SystemMap saved = recovered();
    panel->phones()->setPersist({});
    doc->replaceMap(saved);
    ASSERT_FALSE(panel->phones()->isOpen()); // a replaced map stops serving the old one
    panel->phones()->setPersist([this](QString* error) { return saver->saveNow(error); });
    panel->setCurrentRound(QStringLiteral("Round 1"));
    ASSERT_TRUE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
    const quint16 again = panel->phones()->port();
    const std::string newCode = panel->phones()->joinCode().toStdString();
    const Answer round = beside([&] {
        const Answer joined = http(again, "POST", "/api/join", Json{{"code", newCode}, {"name", "Ana"}}.dump());
        return http(again, "GET", "/api/round", {}, joined.body["token"].get<std::string>());
    });
    ASSERT_EQ(round.status, 200);
    EXPECT_EQ(round.body["ballot"]["watch"], Json::array({stigma}));
    ASSERT_TRUE(panel->closePhones());
}

TEST_F(PhonesGui, ClosingTheEditorWhileOpenStopsServing)
{
    const std::string stigma = fid(doc->map(), "Stigma in mainstream services");
    ASSERT_NO_FATAL_FAILURE(openAndVote("Ana", stigma));
    const quint16 port = panel->phones()->port();
    const std::string code = panel->phones()->joinCode().toStdString();
    const QString path = saver->recoveryPath();
    delete window; // the Document goes first, then the Rounds dock
    window = nullptr;
    EXPECT_EQ(http(port, "POST", "/api/join", Json{{"code", code}, {"name", "Ben"}}.dump()).status, 0);
    EXPECT_FALSE(QFile::exists(path)); // closed on purpose: nothing to recover
}

TEST_F(PhonesGui, ClosingWhileBallotsArriveKeepsEveryAcknowledgedOneAndNoLaterOne)
{
    ASSERT_TRUE(panel->openToPhones(QStringLiteral("127.0.0.1"), 0));
    const quint16 port = panel->phones()->port();
    const std::string code = panel->phones()->joinCode().toStdString();
    const std::string stigma = fid(doc->map(), "Stigma in mainstream services");
    constexpr int kPhones = 24;
    const std::vector<std::string> tokens = beside([&] {
        std::vector<std::string> out;
        for (int i = 0; i < kPhones; ++i)
            out.push_back(http(port, "POST", "/api/join", Json{{"code", code}, {"name", "P" + std::to_string(i)}}.dump())
                              .body["token"].get<std::string>());
        return out;
    });
    // The ballots go out together, and the facilitator closes while they are being written: the
    // close waits for those being written (on the GUI thread) without a deadlock.
    std::vector<std::future<int>> votes;
    for (const std::string& token : tokens)
        votes.push_back(std::async(std::launch::async, [&, token] {
            return http(port, "PUT", "/api/ballot", Json{{"watch", {stigma}}}.dump(), token).status;
        }));
    ASSERT_TRUE(panel->closePhones()) << panel->messageLabel()->text().toStdString();
    const NominationRound closed = theRound();
    int acknowledged = 0;
    for (int i = 0; i < kPhones; ++i) {
        const int status = beside([&] { return votes[std::size_t(i)].get(); });
        const std::string who = "P" + std::to_string(i);
        if (status == 200) {
            ++acknowledged;
            EXPECT_NE(ballotOf(doc->map(), who), nullptr) << who << " was told the ballot was taken";
        } else if (status != 0) { // 0: the server had stopped before the answer; either way is fine
            EXPECT_EQ(ballotOf(doc->map(), who), nullptr) << who << " was refused (" << status << ")";
        }
    }
    EXPECT_TRUE(closed.closed);
    EXPECT_EQ(theRound(), closed); // nothing arrived after closing
    EXPECT_TRUE(doc->factorEditLock().isEmpty());
    std::cout << acknowledged << " of " << kPhones << " ballots were taken before the round closed\n";
}

} // namespace

int main(int argc, char** argv)
{
    return causeway::test::runWindowTests(argc, argv, "causeway-phones-tests");
}

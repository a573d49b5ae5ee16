// causeway-cli vote: opens a round to participants' phones and serves it until the round is
// closed or the process is asked to stop. Every accepted ballot is in the map file before the
// phone hears it was taken.
#include "cli/commands.h"
#include "cli/terminaltext.h"

#include "io/csv.h"
#include "io/fileutil.h"
#include "io/mapfile.h"
#include "io/platform.h"
#include "model/nominations.h"
#include "vote/qrcode.h"
#include "vote/voteserver.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <iostream>
#include <stdexcept>
#include <thread>

namespace causeway::cli {

namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

// "HOST:PORT", "[v6]:PORT".
std::pair<std::string, std::uint16_t> parseListen(const std::string& text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon + 1 == text.size())
        throw std::runtime_error("--listen takes HOST:PORT, for example 0.0.0.0:8080 or 127.0.0.1:0; got '" + text + "'.");
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    const std::string portText = text.substr(colon + 1);
    if (portText.size() > 5 || portText.find_first_not_of("0123456789") != std::string::npos
        || std::stoul(portText) > 65535)
        throw std::runtime_error("--listen: '" + portText + "' is not a port number (0 to 65535).");
    return {host, static_cast<std::uint16_t>(std::stoul(portText))};
}

// Names from the first column of a CSV (a header "name" or "participant" is skipped).
std::vector<std::string> readParticipants(const std::string& path)
{
    const std::string text = readFileLimited(path, 1 << 20);
    std::vector<std::string> names;
    for (const CsvRecord& record : parseCsv(text, detectCsvSeparator(text))) {
        if (record.fields.empty())
            continue;
        std::string name = csvCellText(record.fields[0]);
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (record.line == 1 && (lower == "name" || lower == "participant"))
            continue;
        if (name.find_first_not_of(" \t") != std::string::npos)
            names.push_back(name);
    }
    return names;
}

void addParticipants(SystemMap& map, const std::string& roundName, const std::vector<std::string>& names)
{
    NominationRound round = *findRound(map, roundName);
    for (const std::string& name : names)
        if (std::find(round.participants.begin(), round.participants.end(), name) == round.participants.end())
            round.participants.push_back(name);
    updateRound(map, roundName, round);
}

} // namespace

int runVote(const VoteOptions& options)
{
    SystemMap map = loadMapFile(options.map);
    if (!findRound(map, options.round))
        throw std::runtime_error("There is no round called '" + options.round + "' in " + options.map + ".");
    if (!options.participants.empty()) {
        addParticipants(map, options.round, readParticipants(options.participants));
        saveMapFile(map, options.map);
    }
    const auto [host, port] = parseListen(options.listen);
    const std::string code = options.joinCode.empty() ? vote::makeJoinCode() : options.joinCode;
    const std::string path = options.map;
    vote::VoteSession session(std::move(map), options.round, code,
                              [path](const SystemMap& m) { saveMapFile(m, path); });
    vote::VoteServer server(session, host, port);

    const vote::QrCode qr = vote::encodeQr(server.joinUrl());
    if (!options.qrSvg.empty())
        writeFileAtomically(options.qrSvg, vote::qrSvg(qr));

    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    server.start();
    std::cout << server.joinUrl() << '\n'
              << "Join code " << terminalSafe(code) << ". Round '" << terminalSafe(options.round)
              << "' is open; Ctrl+C stops serving (the round stays open), and the facilitator closes it with:\n"
              << "  curl -X POST -H 'Authorization: Bearer " << server.facilitatorToken() << "' "
              << server.joinUrl().substr(0, server.joinUrl().find("/?")) << "/api/close\n"
              << std::flush;
    if (platform::isTerminal(platform::Stream::Output))
        std::cout << vote::qrText(qr) << std::flush;
    while (!g_stop && session.isOpen())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // Let the last event streams tell the phones the round closed.
    if (!session.isOpen())
        std::this_thread::sleep_for(std::chrono::milliseconds(600));
    server.stop();
    const vote::RoomStatus status = session.status();
    std::cout << status.voted.size() << " ballots in round '" << terminalSafe(status.round) << "', which is "
              << (status.open ? "still open" : "closed") << ". Saved in " << terminalSafe(options.map) << ".\n";
    return 0;
}

} // namespace causeway::cli

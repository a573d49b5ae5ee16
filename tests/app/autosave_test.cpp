#include "documenttestutil.h"

#include "app/document/autosave.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace causeway;
using namespace causeway::test;

namespace {

// What a crash leaves behind: the recovery files without the live session's lock.
void copyRecoveryFiles(const QString& from, const QString& to)
{
    for (const QString& name : QDir(from).entryList({"*.causeway", "*.json"}, QDir::Files))
        QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name));
}

// A saved map edited further, autosaved, and the session gone: its recovery files in `crashed`.
void crashWithUnsavedEdit(Document& doc, const QString& savedAs, const QString& crashed)
{
    QTemporaryDir live;
    loadTriangle(doc);
    QString error;
    ASSERT_TRUE(doc.saveAs(savedAs, &error)) << error.toStdString();
    doc.addFactor("Trust", {});
    Autosaver saver(&doc, live.path());
    ASSERT_TRUE(saver.saveNow());
    copyRecoveryFiles(live.path(), crashed);
}

} // namespace

TEST(Autosave, WritesARecoveryFileOfAModifiedDocumentWhenTheTimerFires)
{
    QTemporaryDir dir;
    Document doc;
    Autosaver saver(&doc, dir.path());
    saver.setInterval(10);
    QSignalSpy autosaved(&saver, &Autosaver::autosaved);
    doc.addFactor("Trust", {});
    ASSERT_TRUE(autosaved.wait(10000));
    const QString path = autosaved[0][0].toString();
    EXPECT_TRUE(path.startsWith(dir.path()));
    EXPECT_TRUE(QFile::exists(path));
}

TEST(Autosave, WritesNothingForAnUnmodifiedDocument)
{
    QTemporaryDir dir;
    Document doc;
    Autosaver saver(&doc, dir.path());
    EXPECT_FALSE(saver.saveNow());
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

TEST(Autosave, WritesOnlyWhenSomethingChangedSinceTheLastWrite)
{
    QTemporaryDir dir;
    Document doc;
    Autosaver saver(&doc, dir.path());
    doc.addFactor("Trust", {});
    EXPECT_TRUE(saver.saveNow());
    EXPECT_FALSE(saver.saveNow());
    doc.addFactor("Fear", {});
    EXPECT_TRUE(saver.saveNow());
}

TEST(Autosave, SavingTheDocumentRemovesTheRecoveryFile)
{
    QTemporaryDir dir;
    QTemporaryDir recovery;
    Document doc;
    Autosaver saver(&doc, recovery.path());
    loadTriangle(doc); // an unsaved replaced map is written at once
    const QString path = saver.recoveryPath();
    ASSERT_TRUE(QFile::exists(path));
    QString error;
    ASSERT_TRUE(doc.saveAs(dir.filePath("m.causeway"), &error));
    EXPECT_FALSE(QFile::exists(path));
    EXPECT_TRUE(QDir(recovery.path()).entryList(QDir::Files).isEmpty());
}

TEST(Autosave, ClosingNormallyRemovesTheRecoveryFile)
{
    QTemporaryDir dir;
    QString path;
    {
        Document doc;
        Autosaver saver(&doc, dir.path());
        doc.addFactor("Trust", {});
        ASSERT_TRUE(saver.saveNow());
        path = saver.recoveryPath();
        ASSERT_TRUE(QFile::exists(path));
    }
    EXPECT_FALSE(QFile::exists(path));
}

TEST(Autosave, ALiveSessionsRecoveryFilesAreNotOffered)
{
    QTemporaryDir dir;
    Document doc;
    Autosaver saver(&doc, dir.path());
    doc.addFactor("Trust", {});
    ASSERT_TRUE(saver.saveNow());
    EXPECT_TRUE(Autosaver::findRecoveryFiles(dir.path()).empty());
}

TEST(Autosave, ACrashedSessionsRecoveryFileIsFoundAndLoadsTheUnsavedMap)
{
    QTemporaryDir crashed;
    QTemporaryDir files;
    Document doc;
    crashWithUnsavedEdit(doc, files.filePath("workshop.causeway"), crashed.path());

    QString error;
    const std::vector<RecoveryFile> found = Autosaver::findRecoveryFiles(crashed.path());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].originalPath, doc.filePath());
    EXPECT_EQ(found[0].displayName, "workshop.causeway");
    SystemMap map;
    ASSERT_TRUE(Autosaver::loadRecoveryFile(found[0], &map, &error)) << error.toStdString();
    EXPECT_TRUE(map == doc.map());

    Autosaver::removeRecoveryFile(found[0]);
    EXPECT_TRUE(Autosaver::findRecoveryFiles(crashed.path()).empty());
}

// A sidecar is a few hundred bytes of JSON; a huge file there is not read, and the map is still
// offered under its own name.
TEST(Autosave, AHugeSidecarIsIgnoredAndTheRecoveryMapStillOffered)
{
    QTemporaryDir crashed;
    QTemporaryDir files;
    Document doc;
    crashWithUnsavedEdit(doc, files.filePath("workshop.causeway"), crashed.path());
    const QStringList sidecars = QDir(crashed.path()).entryList({"*.json"}, QDir::Files);
    ASSERT_EQ(sidecars.size(), 1);
    QFile big(QDir(crashed.path()).filePath(sidecars.front()));
    ASSERT_TRUE(big.open(QIODevice::WriteOnly));
    const QByteArray padding(1024 * 1024, ' ');
    big.write("{\"displayName\": \"huge\"");
    big.write(padding);
    big.write("}");
    big.close();

    const std::vector<RecoveryFile> found = Autosaver::findRecoveryFiles(crashed.path());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].displayName, "huge");
}

TEST(Autosave, ACorruptRecoveryFileIsReportedNotLoaded)
{
    QTemporaryDir dir;
    QFile f(dir.filePath("untitled-1-1.causeway"));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"causew");
    f.close();
    const std::vector<RecoveryFile> found = Autosaver::findRecoveryFiles(dir.path());
    ASSERT_EQ(found.size(), 1u);
    SystemMap map;
    map.addFactor(makeFactor("Kept"));
    QString error;
    EXPECT_FALSE(Autosaver::loadRecoveryFile(found[0], &map, &error));
    EXPECT_TRUE(error.contains("untitled-1-1.causeway"));
    EXPECT_EQ(map.factorCount(), 1u);
}

TEST(Autosave, ARecoveredMapIsWrittenWithoutAFurtherEdit)
{
    QTemporaryDir dir;
    Document doc;
    loadTriangle(doc); // replaceMap: modified, as a recovered map is
    Autosaver saver(&doc, dir.path());
    EXPECT_TRUE(saver.saveNow());
}

TEST(Autosave, AReplacedUnsavedMapIsWrittenAtOnceNotAMinuteLater)
{
    QTemporaryDir dir;
    Document doc;
    Autosaver saver(&doc, dir.path());
    saver.setInterval(60 * 60 * 1000); // the timer cannot be what writes it
    QSignalSpy autosaved(&saver, &Autosaver::autosaved);
    loadTriangle(doc); // replaceMap, as recovery and import do
    ASSERT_EQ(autosaved.count(), 1);
    EXPECT_TRUE(QFile::exists(autosaved[0][0].toString()));
}

// The recovery copy and its sidecar can hold participants' names and ballots: 0600 whatever
// the umask, so other users of the machine cannot read them.
TEST(Autosave, RecoveryFilesAreReadableByTheirOwnerOnly)
{
    QTemporaryDir dir;
    const mode_t oldMask = ::umask(022);
    Document doc;
    Autosaver saver(&doc, dir.path());
    doc.addFactor("Trust", {});
    const bool saved = saver.saveNow();
    ::umask(oldMask);
    ASSERT_TRUE(saved);
    const QStringList files = QDir(dir.path()).entryList({"*.causeway", "*.json"}, QDir::Files);
    ASSERT_EQ(files.size(), 2) << files.join(", ").toStdString();
    for (const QString& name : files) {
        struct stat st {};
        ASSERT_EQ(::stat(QFile::encodeName(QDir(dir.path()).filePath(name)).constData(), &st), 0);
        EXPECT_EQ(st.st_mode & 07777, 0600u) << name.toStdString();
    }
}

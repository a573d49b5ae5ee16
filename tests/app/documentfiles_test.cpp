#include "documenttestutil.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace causeway;
using namespace causeway::test;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

TEST(DocumentFiles, SaveAsThenOpenGivesBackTheSameMap)
{
    QTemporaryDir dir;
    const QString path = dir.filePath("workshop.causeway");
    Document doc;
    loadTriangle(doc);
    doc.toggleDelay(doc.map().linkIds());
    QString error;
    QSignalSpy pathChanged(&doc, &Document::filePathChanged);
    ASSERT_TRUE(doc.saveAs(path, &error)) << error.toStdString();
    EXPECT_FALSE(doc.isModified());
    EXPECT_EQ(doc.displayName(), "workshop.causeway");
    EXPECT_EQ(pathChanged.count(), 1);

    Document other;
    QSignalSpy reset(&other, &Document::reset);
    ASSERT_TRUE(other.open(path, &error)) << error.toStdString();
    EXPECT_TRUE(other.map() == doc.map());
    EXPECT_FALSE(other.isModified());
    EXPECT_EQ(other.filePath(), doc.filePath());
    EXPECT_EQ(reset.count(), 1);
}

TEST(DocumentFiles, SavingMarksCleanAndAFurtherEditModifiesAgain)
{
    QTemporaryDir dir;
    Document doc;
    loadTriangle(doc);
    QString error;
    ASSERT_TRUE(doc.saveAs(dir.filePath("m.causeway"), &error));
    doc.addFactor("Trust", {});
    EXPECT_TRUE(doc.isModified());
    ASSERT_TRUE(doc.save(&error));
    EXPECT_FALSE(doc.isModified());
    // Undo still works after a save, and undoing past it modifies the document.
    doc.undo();
    EXPECT_TRUE(doc.isModified());
    EXPECT_EQ(doc.map().factorCount(), 3u);
}

TEST(DocumentFiles, OpeningClearsTheUndoHistory)
{
    QTemporaryDir dir;
    const QString path = dir.filePath("m.causeway");
    Document doc;
    loadTriangle(doc);
    QString error;
    ASSERT_TRUE(doc.saveAs(path, &error));
    doc.addFactor("Trust", {});
    ASSERT_TRUE(doc.open(path, &error));
    EXPECT_EQ(doc.undoCount(), 0);
    EXPECT_EQ(doc.map().factorCount(), 3u);
}

TEST(DocumentFiles, OpeningACorruptFileLeavesTheMapAndUndoHistoryUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath("broken.causeway");
    writeFile(path, R"({"format": "causeway", "version": 1, "factors": [)");
    Document doc;
    loadTriangle(doc);
    doc.addFactor("Trust", {});
    const SystemMap before = doc.map();
    QSignalSpy reset(&doc, &Document::reset);
    QString error;
    EXPECT_FALSE(doc.open(path, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(doc.map() == before);
    EXPECT_EQ(doc.undoCount(), 1);
    EXPECT_TRUE(doc.isModified());
    EXPECT_TRUE(doc.filePath().isEmpty());
    EXPECT_EQ(reset.count(), 0);
}

TEST(DocumentFiles, OpeningAMissingFileFailsWithAMessage)
{
    QTemporaryDir dir;
    Document doc;
    QString error;
    EXPECT_FALSE(doc.open(dir.filePath("nowhere.causeway"), &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST(DocumentFiles, SavingIntoAMissingFolderFailsAndKeepsTheDocumentModified)
{
    QTemporaryDir dir;
    Document doc;
    loadTriangle(doc);
    QString error;
    EXPECT_FALSE(doc.saveAs(dir.filePath("no/such/folder/m.causeway"), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(doc.isModified());
    EXPECT_TRUE(doc.filePath().isEmpty());
}

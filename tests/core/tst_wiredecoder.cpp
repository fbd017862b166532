#include "tasks/monoclock.h"
#include "wire/wiredecoder.h"
#include "wire/wireencoder.h"

#include <QTest>

#include <cstdio>
#include <limits>
#include <string>
#include <vector>

using namespace ThreadLab;

namespace {

std::string encodeSample()
{
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* f = open_memstream(&buffer, &size);
    {
        WireEncoder enc(f);
        enc.hello(4242);
        enc.state(WorkerState::Running);
        enc.output("square: 4\nnext line, 100%");
        enc.queuePut(-81);
        enc.counterRead(17);
        enc.counterWrite(18);
        enc.state(WorkerState::WaitingIo);
        enc.state(WorkerState::Running);
        enc.ownState({4, 9, 64, 81}, 12);
        enc.state(WorkerState::Finished);
    }
    std::fclose(f);
    std::string s(buffer, size);
    std::free(buffer);
    return s;
}

} // namespace

class TestWireDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesWhatTheEncoderWrites_data()
    {
        QTest::addColumn<int>("pieceSize");
        for (int n : {1, 2, 3, 7, 64, 100000})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void decodesWhatTheEncoderWrites()
    {
        QFETCH(int, pieceSize);
        const std::string stream = encodeSample();
        std::vector<char> types;
        std::vector<std::int64_t> list;
        std::string text;
        std::int64_t pid = 0, put = 0, counter = 0, read = -1, written = -1;
        WireDecoder dec([&](const WireRecord& r) {
            types.push_back(r.type);
            if (r.type == 'H')
                pid = r.value;
            if (r.type == 'O')
                text = std::string(r.text);
            if (r.type == 'P')
                put = r.value;
            if (r.type == 'L')
                list = *r.list;
            if (r.type == 'C')
                counter = r.value;
            if (r.type == 'R')
                read = r.value;
            if (r.type == 'W')
                written = r.value;
        });
        for (std::size_t at = 0; at < stream.size(); at += static_cast<std::size_t>(pieceSize))
            QVERIFY2(dec.feed(std::string_view(stream).substr(at, static_cast<std::size_t>(pieceSize))), dec.error().c_str());
        QVERIFY(dec.finish());
        QCOMPARE(std::string(types.begin(), types.end()), std::string("HSOPRWSSLCS"));
        QCOMPARE(pid, 4242);
        QCOMPARE(text, std::string("square: 4\nnext line, 100%"));
        QCOMPARE(put, -81);
        QCOMPARE(list, (std::vector<std::int64_t> {4, 9, 64, 81}));
        QCOMPARE(counter, 12);
        QCOMPARE(read, 17);
        QCOMPARE(written, 18);
    }

    // Found by fuzzing: the longest valid record must pass whether the pipe splits it or not.
    void longestValidListDecodesInAnyPieces_data()
    {
        QTest::addColumn<int>("pieceSize");
        for (int n : {1000, 32 * 1024, 200 * 1024})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }
    void longestValidListDecodesInAnyPieces()
    {
        QFETCH(int, pieceSize);
        QByteArray line = "1 L 10 ";
        for (std::size_t i = 0; i < WireDecoder::maxListItems; ++i)
            line += (i ? "," : "") + QByteArray::number(std::numeric_limits<qint64>::min() + 1);
        line += '\n';
        std::size_t items = 0;
        WireDecoder dec([&](const WireRecord& r) { items = r.list->size(); });
        for (qsizetype at = 0; at < line.size(); at += pieceSize)
            QVERIFY2(dec.feed(std::string_view(line.constData() + at,
                                               static_cast<std::size_t>(std::min<qsizetype>(pieceSize, line.size() - at)))),
                     dec.error().c_str());
        QVERIFY(dec.finish());
        QCOMPARE(items, WireDecoder::maxListItems);
    }

    void rejectsGarbage_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not a record") << QByteArray("hello world\n") << "no sequence number";
        QTest::newRow("sequence gap") << QByteArray("1 H 10 5\n3 P 11 1\n") << "out of order";
        QTest::newRow("sequence repeat") << QByteArray("1 H 10 5\n1 P 11 1\n") << "out of order";
        QTest::newRow("unknown type") << QByteArray("1 Z 10 5\n") << "unknown record type";
        QTest::newRow("time backwards") << QByteArray("1 H 10 5\n2 P 9 1\n") << "backwards";
        QTest::newRow("bad state") << QByteArray("1 S 10 99 0\n") << "bad state";
        QTest::newRow("bad number") << QByteArray("1 P 10 12x\n") << "bad number";
        QTest::newRow("bad escape") << QByteArray("1 O 10 a%zz\n") << "bad text";
        QTest::newRow("bad list") << QByteArray("1 L 10 1,,2\n") << "bad list";
        QTest::newRow("negative counter read") << QByteArray("1 R 10 -1\n") << "bad counter value";
        QTest::newRow("counter written as 0") << QByteArray("1 W 10 0\n") << "bad counter value";
        QTest::newRow("counter read, no number") << QByteArray("1 R 10 x\n") << "bad counter value";
        QTest::newRow("counter write, two numbers") << QByteArray("1 W 10 3 4\n") << "bad counter value";
        QTest::newRow("zero time") << QByteArray("1 H 0 5\n") << "no timestamp";
        QTest::newRow("endless line") << QByteArray(WireDecoder::maxLineBytes + 10, 'x') << "longer than";
        QTest::newRow("long line in one piece") << (QByteArray("1 O 10 ") + QByteArray(WireDecoder::maxLineBytes, 'a') + "\n")
                                                << "longer than";
        QTest::newRow("truncated") << QByteArray("1 H 10 5\n2 P 11") << "ends in the middle";
        QTest::newRow("binary") << QByteArray("\x00\xff\x01\n", 4) << "no sequence number";
    }
    void rejectsGarbage()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QString, problem);
        int delivered = 0;
        WireDecoder dec([&](const WireRecord&) { ++delivered; });
        const bool fed = dec.feed(std::string_view(stream.constData(), static_cast<std::size_t>(stream.size())));
        const bool finished = fed && dec.finish();
        QVERIFY(!finished);
        QVERIFY(dec.failed());
        QVERIFY2(QString::fromStdString(dec.error()).contains(problem), dec.error().c_str());
        // Nothing after the fault is delivered, and feeding more stays refused.
        const int before = delivered;
        QVERIFY(!dec.feed("5 H 99 1\n"));
        QCOMPARE(delivered, before);
    }
};

QTEST_GUILESS_MAIN(TestWireDecoder)
#include "tst_wiredecoder.moc"

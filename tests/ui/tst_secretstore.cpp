// Secret stores: the in-memory one behaves like a keychain (callbacks later, never
// inside the call); the QtKeychain one either persists in a real keychain or, with none
// (no Secret Service on the bus, as here), says so and keeps secrets in memory only,
// writing nothing to disk.
#include "app/keychainsecretstore.h"

#include "ui/client/secretstore.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSecretStore : public QObject
{
    Q_OBJECT
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        // Everything a fallback might write lands here, where the test can look.
        qputenv("XDG_CONFIG_HOME", (m_home.path() + u"/config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", (m_home.path() + u"/data"_s).toLocal8Bit());
        QCoreApplication::setOrganizationName(u"zenovay-tests"_s);
        QCoreApplication::setApplicationName(u"tst_secretstore"_s);
    }

    void memoryStoreIsAsynchronous()
    {
        Gui::MemorySecretStore store;
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.unavailableReason().isEmpty());
        bool written = false;
        store.write(u"session/a"_s, u"token-1"_s, this, [&](bool persisted) {
            written = true;
            QVERIFY(!persisted);
        });
        QVERIFY(!written); // not inside the call
        QTRY_VERIFY(written);
        std::optional<QString> value;
        bool read = false;
        store.read(u"session/a"_s, this, [&](std::optional<QString> v) {
            value = v;
            read = true;
        });
        QVERIFY(!read);
        QTRY_VERIFY(read);
        QCOMPARE(value, std::optional<QString>(u"token-1"_s));
        store.remove(u"session/a"_s);
        read = false;
        store.read(u"session/a"_s, this, [&](std::optional<QString> v) {
            value = v;
            read = true;
        });
        QTRY_VERIFY(read);
        QVERIFY(!value);
        // A destroyed context cancels the callback.
        auto *context = new QObject;
        bool called = false;
        store.read(u"session/a"_s, context, [&](std::optional<QString>) { called = true; });
        delete context;
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void keychainStoreFallsBackToMemoryWithoutWritingToDisk()
    {
        const QString secret = u"zv-session-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        App::KeychainSecretStore store(u"zenovay-admin-tests"_s);
        QSignalSpy changed(&store, &Gui::SecretStore::persistenceChanged);
        std::optional<bool> persisted;
        store.write(u"session/test"_s, secret, this, [&](bool p) { persisted = p; });
        QTRY_VERIFY_WITH_TIMEOUT(persisted.has_value(), 20000);
        std::optional<QString> value;
        bool read = false;
        store.read(u"session/test"_s, this, [&](std::optional<QString> v) {
            value = v;
            read = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(read, 20000);
        QCOMPARE(value, std::optional<QString>(secret)); // works either way for this session
        if (*persisted) {
            QVERIFY(store.isPersistent());
            store.remove(u"session/test"_s);
            QSKIP("a real keychain is available here; the fallback path is not exercised");
        }
        QVERIFY(!store.isPersistent());
        QVERIFY(changed.count() >= 1);
        QVERIFY(store.unavailableReason().contains(u"memory"_s));
        // Nothing on disk holds the secret.
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        store.remove(u"session/test"_s);
        read = false;
        store.read(u"session/test"_s, this, [&](std::optional<QString> v) {
            value = v;
            read = true;
        });
        QTRY_VERIFY(read);
        QVERIFY(!value);
    }
};

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"

#pragma once

#include <QString>
#include <QVariantList>

// A data directory's database as an older release left it, for upgrade tests: the
// schema migrations up to a given version applied (none of the later ones), rows written
// with plain SQL in that schema. The server then opens it and migrates it.
namespace TestSupport::OldDatabase {

// Creates dataDir/zenovay.db at schema `version`; an empty string, or what went wrong.
QString create(const QString &dataDir, int version);
// Runs one statement with positional binds on dataDir/zenovay.db (its own connection,
// closed again); an empty string, or what went wrong.
QString exec(const QString &dataDir, const QString &sql, const QVariantList &binds = {});
// One column (the first by default) of the rows a query returns.
QVariantList column(const QString &dataDir, const QString &sql, const QVariantList &binds = {},
                    int index = 0);

} // namespace TestSupport::OldDatabase

#pragma once

#include <QString>

namespace Core::Csv {

// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A character
// that makes a spreadsheet run the cell as a formula (=, +, -, @, tab, CR) is defused with
// a leading ': at the start, and after a ';' or tab inside (spreadsheets that split on
// those, Excel in German among them, start a cell there); a defused cell is quoted too.
// Shared by the server's export and the desktop app's Export CSV.
QString cell(const QString &text);

} // namespace Core::Csv

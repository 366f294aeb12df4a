#include "logredaction.h"

#include <QLoggingCategory>

#include <mutex>

namespace Server {

namespace {
QLoggingCategory::CategoryFilter previousFilter = nullptr;

void redactingFilter(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}
} // namespace

void installLogRedaction()
{
    static std::once_flag once;
    std::call_once(once, [] { previousFilter = QLoggingCategory::installFilter(redactingFilter); });
}

} // namespace Server

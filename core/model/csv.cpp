#include "csv.h"

namespace Core::Csv {

QString cell(const QString &text)
{
    const auto formula = [](QChar c) {
        return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
    };
    QString t = text;
    for (qsizetype i = t.size() - 2; i >= 0; --i)
        if ((t.at(i) == u';' || t.at(i) == u'\t') && formula(t.at(i + 1)))
            t.insert(i + 1, u'\'');
    if (!t.isEmpty() && formula(t.front()))
        t.prepend(u'\'');
    if (t.contains(u',') || t.contains(u'"') || t.contains(u'\n') || t.contains(u'\r') || t != text)
        t = u'"' + t.replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
    return t;
}

} // namespace Core::Csv

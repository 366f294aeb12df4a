#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>

#include <functional>
#include <utility>
#include <vector>

namespace Server {

// GET /api/admin/v1/server/status is assembled from named fields, each computed when
// asked. Parts of the server add theirs at start-up (the ingest adds its rate and queue
// depth, the listener its addresses); a later add() of the same name replaces it. The
// server's own fields are all named by Wire::StatusField, which the desktop app reads by.
class StatusBuilder final
{
public:
    using Field = std::function<QJsonValue()>;

    void add(QLatin1StringView fieldName, Field field)
    {
        const QString name = fieldName.toString();
        for (auto &f : m_fields) {
            if (f.first == name) {
                f.second = std::move(field);
                return;
            }
        }
        m_fields.emplace_back(name, std::move(field));
    }

    QJsonObject build() const
    {
        QJsonObject out;
        for (const auto &f : m_fields)
            out.insert(f.first, f.second());
        return out;
    }

private:
    std::vector<std::pair<QString, Field>> m_fields;
};

} // namespace Server

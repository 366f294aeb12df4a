// The admin API's JSON input readers: a body parsed as Server::Request::jsonObject parses
// it (Core::JsonText::parse), then read the way the admin routes read it: Core::JsonInput (string, bool,
// whole number, string list), Core::KeyInput::fromJson (POST /keys), WebsiteService::Fields (POST/PATCH
// /websites) and the rule checks behind them (names, emails, passwords, permissions, plans, roles, website
// fields). A wrong JSON type must be a 400 INVALID_PARAMETER naming the field; what is read must be what was
// sent.
#include "fuzzsupport.h"

#include "core/accounts/validation.h"
#include "core/json/jsoninput.h"
#include "core/json/jsontext.h"
#include "core/keys/keyservice.h"
#include "core/model/domain.h"
#include "core/model/serviceerror.h"
#include "core/websites/websiteservice.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <functional>

namespace {
using namespace Core;

// Runs one read; a ServiceError must be the 400 that names `field`.
void expectReadOr400(const QString &field, const std::function<void()> &read)
{
    try {
        read();
    } catch (const ServiceError &e) {
        FUZZ_CHECK(e.kind() == ServiceError::Kind::InvalidArgument);
        FUZZ_CHECK(e.code() == "INVALID_PARAMETER");
        FUZZ_CHECK(e.message().contains(field));
    }
}

void checkReaders(const QJsonObject &body, const QString &field)
{
    const QJsonValue v = body.value(field);
    const bool absent = v.isUndefined() || v.isNull();
    expectReadOr400(field, [&] {
        const std::optional<QString> s = JsonInput::optionalString(body, field);
        FUZZ_CHECK(s.has_value() == (!absent && v.isString()));
        if (s)
            FUZZ_CHECK(*s == v.toString());
        FUZZ_CHECK(JsonInput::string(body, field) == s.value_or(QString()));
    });
    expectReadOr400(field, [&] {
        const std::optional<bool> b = JsonInput::optionalBool(body, field);
        FUZZ_CHECK(b.has_value() == (!absent && v.isBool()));
    });
    expectReadOr400(field, [&] {
        const std::optional<qint64> n = JsonInput::optionalInteger(body, field);
        FUZZ_CHECK(n.has_value() != absent);
        if (n) {
            FUZZ_CHECK(v.isDouble() && double(*n) == v.toDouble());
            FUZZ_CHECK(std::fabs(v.toDouble()) <= 9007199254740992.0);
        }
    });
    expectReadOr400(field, [&] {
        const std::optional<QStringList> list = JsonInput::optionalStringList(body, field);
        FUZZ_CHECK(list.has_value() != absent);
        if (list)
            FUZZ_CHECK(list->size() == v.toArray().size());
    });
}

void checkRules(const QString &text)
{
    for (const auto &check : {Validation::checkName, Validation::checkEmail, Validation::checkPassword})
        if (const auto problem = check(text))
            FUZZ_CHECK(!problem->isEmpty());
    FUZZ_CHECK(Validation::characterCount(text) <= text.size());
    if (const auto plan = planFromName(text))
        FUZZ_CHECK(planFromName(planName(*plan)) == plan);
    if (const auto role = roleFromName(text))
        FUZZ_CHECK(roleFromName(roleName(*role)) == role);
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Core::JsonText::Parsed parsed = Core::JsonText::parse(FuzzSupport::bytes(data, size));
    if (!parsed.error.isEmpty() || !parsed.document.isObject())
        return 0;
    const QJsonObject body = parsed.document.object();

    // Every field sent, through every reader (an absent field reads as "not given").
    for (const QString &field : body.keys())
        checkReaders(body, field);
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.value().isString())
            checkRules(it.value().toString());

    expectReadOr400(QString(), [&] {
        const KeyInput in = KeyInput::fromJson(body);
        FUZZ_CHECK(in.teamAccessGiven == (in.teamAccessText || in.teamAccessIds));
        if (in.permissions) {
            if (const auto p = Permissions::fromNames(*in.permissions))
                FUZZ_CHECK(Permissions::fromNames(p->names()) == p);
        }
    });
    expectReadOr400(QString(), [&] {
        const WebsiteService::Fields f = WebsiteService::Fields::fromJson(body);
        for (bool creating : {true, false}) {
            const QMap<QString, QString> problems = WebsiteService::validate(f.name, f.url, creating);
            for (auto it = problems.cbegin(); it != problems.cend(); ++it)
                FUZZ_CHECK(!it.value().isEmpty());
        }
    });
    return 0;
}

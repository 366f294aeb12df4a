#pragma once

#include "ui/client/apitypes.h"

#include <QList>
#include <QPointF>

class QChart;
class QChartView;
class QWidget;

// The charts of the key detail and server pages. Each setter replaces the view's chart
// with a fresh one built from the data, styled from the current palette (light or dark).
namespace Gui::Charts {

QChartView *makeView(const QString &objectName, QWidget *parent);
// Re-colours an existing chart after a palette change.
void applyPalette(QChart *chart, const QPalette &palette);

// The time ranges of the key detail page's activity chart.
enum class ActivityRange { LastHour, Last24Hours, Last7Days, Last30Days };
// How many hours of hourly counts a range needs from GET /keys/{id}/activity.
int hoursOf(ActivityRange range);

// Accepted and rejected requests over the range ending at nowMs: per minute for the last
// hour (from the per-minute counts, where "rejected" is the 429s), per hour for a day or
// a week, per local day for 30 days. Labels carry the day where a range crosses midnight;
// a few requests on an empty range are marked with dots so that one request is visible.
void setActivity(QChartView *view, ActivityRange range, const QList<HourlyPoint> &hourly,
                 const QList<MinutePoint> &minutes, qint64 nowMs);
void setRejectedByCode(QChartView *view, const QList<CodeCounts> &byCode);
void setMonthlyUsage(QChartView *view, const QList<MonthUsage> &newestFirst);
void setMinuteRequests(QChartView *view, const QList<MinutePoint> &minutes);
// A website's visitors and pageviews over time: per hour (labels with the day) or per
// day (date labels).
void setTraffic(QChartView *view, const QList<AnalyticsPoint> &points, bool hourly);
// Pageviews per minute over the last 30 minutes (the current minute last), as bars.
void setRealtime(QChartView *view, const QList<qint64> &perMinute);
void setIngestRate(QChartView *view, const QList<QPointF> &epochMsAndRate);
void setQuotaByKey(QChartView *view, const QStringList &keys, const QList<double> &percentUsed);

} // namespace Gui::Charts

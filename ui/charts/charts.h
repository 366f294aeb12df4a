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

void setHourlyActivity(QChartView *view, const QList<HourlyPoint> &hourly);
void setRejectedByCode(QChartView *view, const QList<CodeCounts> &byCode);
void setMonthlyUsage(QChartView *view, const QList<MonthUsage> &newestFirst);
void setMinuteRequests(QChartView *view, const QList<MinutePoint> &minutes);
void setIngestRate(QChartView *view, const QList<QPointF> &epochMsAndRate);
void setQuotaByKey(QChartView *view, const QStringList &keys, const QList<double> &percentUsed);

} // namespace Gui::Charts

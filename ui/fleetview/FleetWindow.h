// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>

class BusyIndicator;
class FleetFilterModel;
class FleetLoader;
class FleetModel;
class HerokuClient;
class MessageBar;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
struct FleetSummary;

// The fleet: every ClearDB add-on of the account in one table — app, add-on, plan, monthly price,
// whether DATABASE_URL is the add-on's, whether its database answers, its size against the quota, its
// connections against the limit and the worst finding — with the total monthly cost and the API's
// remaining rate limit. Rows appear as soon as the account's add-ons are listed and fill in as the
// config vars and the databases answer (FleetLoader: bounded concurrency, one connection per
// database); sorting and filtering never wait for them. Export writes CSV or JSON, without URLs.
//
//     auto *fleet = new FleetWindow(client, window);
//     fleet->show();            // refreshes at once; Refresh (F5) again later
//
// Closing it cancels what is in flight without waiting (the readers' threads finish on their own).
class FleetWindow : public QDialog
{
    Q_OBJECT
public:
    enum class Format
    {
        Csv,
        Json,
    };

    explicit FleetWindow(HerokuClient *client, QWidget *parent = nullptr);
    ~FleetWindow() override;

    void refresh();
    bool isLoading() const;
    // Writes the rows as they are now; an error in words when the file cannot be written.
    QString exportTo(const QString &path, Format format) const;
    FleetModel *model() const { return m_model; }
    FleetLoader *loader() const { return m_loader; }

Q_SIGNALS:
    void loaded(const FleetSummary &summary);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void onFinished(const FleetSummary &summary);
    void updateTotals();
    void updateBudget(int remaining);
    void exportWithDialog(Format format);

    FleetLoader *m_loader;
    FleetModel *m_model;
    FleetFilterModel *m_filter;
    QLabel *m_totals;
    QLabel *m_budget;
    BusyIndicator *m_busy;
    QPushButton *m_refresh;
    QPushButton *m_export;
    QCheckBox *m_probe;
    QLineEdit *m_filterEdit;
    QCheckBox *m_onlyProblems;
    MessageBar *m_message;
    QTableView *m_table;
    bool m_shownOnce = false;
};

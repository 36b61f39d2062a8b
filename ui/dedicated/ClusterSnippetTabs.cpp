// SPDX-License-Identifier: MIT
#include "dedicated/ClusterSnippetTabs.h"

#include "dburl/DedicatedClusterSpec.h"
#include "dburl/FrameworkSnippet.h"

#include <QFontDatabase>
#include <QPlainTextEdit>

ClusterSnippetTabs::ClusterSnippetTabs(QWidget *parent) : QTabWidget(parent)
{
    setObjectName(QStringLiteral("snippetTabs"));
    setAccessibleName(tr("Framework snippets"));
    for (const Framework::Id framework : Framework::snippetFrameworks()) {
        auto *text = new QPlainTextEdit(this);
        text->setObjectName(QStringLiteral("snippet_") + Framework::name(framework));
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        text->setAccessibleName(tr("%1 snippet").arg(Framework::displayName(framework)));
        addTab(text, Framework::displayName(framework));
    }
}

void ClusterSnippetTabs::showSpec(const DedicatedClusterSpec &spec, bool valid, bool keyIsEncrypted)
{
    const QList<Framework::Id> frameworks = Framework::snippetFrameworks();
    for (int i = 0; i < frameworks.size(); ++i) {
        auto *text = qobject_cast<QPlainTextEdit *>(widget(i));
        if (!valid) {
            text->setPlainText(tr("The snippet appears once the fields are valid."));
            continue;
        }
        const DatabaseUrl::ParseResult url = spec.toUrl(frameworks.at(i));
        FrameworkSnippet::Options options;
        options.keyIsEncrypted = keyIsEncrypted;
        text->setPlainText(url.ok() ? FrameworkSnippet::generate(url.url, frameworks.at(i), options).text()
                                    : url.error.message);
    }
}

QString ClusterSnippetTabs::currentSnippet() const
{
    const auto *text = qobject_cast<QPlainTextEdit *>(currentWidget());
    return text ? text->toPlainText() : QString();
}

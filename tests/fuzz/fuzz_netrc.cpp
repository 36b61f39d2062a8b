// SPDX-License-Identifier: MIT
// libFuzzer: ~/.netrc is outside input (any program may have written it). Netrc::parse() never crashes
// or loops, and no error it reports ever carries a password: a canary password is planted at a place
// the input chooses, and must never show up in the error text, whatever the rest of the file does.
// Valid files also go through NetrcEditor, whose output must parse and hold exactly what was set.
#include "credentials/Netrc.h"
#include "credentials/NetrcEditor.h"

#include <cstdio>
#include <cstdlib>

namespace {

const QString Canary = QStringLiteral("Cnry7pw");

void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "netrc property broken: %s\n", what);
        std::abort();
    }
}

void checkErrorText(const Netrc &netrc)
{
    if (netrc.isValid())
        return;
    const QString text = netrc.error().describe(QStringLiteral("~/.netrc"));
    require(!text.contains(Canary, Qt::CaseInsensitive), "a password appears in the error text");
    require(netrc.entries().isEmpty(), "an invalid file still yields entries");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Netrc plain = Netrc::parse(input);
    checkErrorText(plain);

    // The canary as a password value, at an offset picked by the first two bytes.
    const qsizetype at = size >= 2 ? qsizetype((data[0] << 8 | data[1]) % (size + 1)) : 0;
    const QByteArray planted = input.left(at) + " password " + Canary.toUtf8() + ' ' + input.mid(at);
    const Netrc withCanary = Netrc::parse(planted);
    checkErrorText(withCanary);
    const QByteArray quoted = input.left(at) + " password \"" + Canary.toUtf8() + " x\" " + input.mid(at);
    checkErrorText(Netrc::parse(quoted));

    if (!plain.isValid())
        return 0;
    // Round trip through the editor: set one machine, then remove it.
    const QString machine = QStringLiteral("api.heroku.com");
    const QString password = QStringLiteral("new \"pass\" #1");
    const Netrc edited =
        Netrc::parse(NetrcEditor::withCredentials(plain, machine, QStringLiteral("a@b.c"), password));
    require(edited.isValid(), "the editor produced a file that does not parse");
    const NetrcEntry *entry = edited.find(machine);
    require(entry && entry->password.reveal() == password, "the editor did not store the password");
    const Netrc removed = Netrc::parse(NetrcEditor::withoutMachine(edited, machine));
    require(removed.isValid(), "removing a machine produced a file that does not parse");
    require(!removed.find(machine), "the machine is still there after removal");
    return 0;
}

# SPDX-License-Identifier: MIT
# bash completion for cleardbctl; installed to share/bash-completion/completions/cleardbctl, where
# bash-completion loads it on the first <Tab> after "cleardbctl".
# It completes commands and options only: app names would need an API call (and a token) per <Tab>.
# A database URL is best given as - (stdin) or env:NAME, never typed (argv is public): env:<Tab>
# completes the names of exported variables.

_cleardbctl()
{
    local cur prev words cword
    _init_completion || return

    local commands="apps addons plans provision upgrade remove config set unset promote restart
        login logout url probe monitor sandbox drill help"
    commands+=" accounts"
    commands+=" db"
    commands+=" usage"
    commands+=" fleet"
    local global_opts="--json --help --version"

    # The first word that is not an option is the command; global options may come before it.
    local i command="" subcommand=""
    for ((i = 1; i < cword; i++)); do
        if [[ ${words[i]} != -* ]]; then
            if [[ -z $command ]]; then
                command=${words[i]}
            elif [[ -z $subcommand ]]; then
                subcommand=${words[i]}
            fi
        fi
    done

    # db's SPECs: app: and env: prefixes, then the names of exported variables after env:.
    if [[ $command == db && ( $prev == --from || $prev == --to ) ]]; then
        if [[ $cur == env:* ]]; then
            COMPREPLY=($(compgen -P env: -e -- "${cur#env:}"))
        else
            COMPREPLY=($(compgen -W "app: env:" -- "$cur"))
            compopt -o nospace 2>/dev/null
        fi
        return
    fi
    if [[ $command == db && $prev == : && $cword -ge 3 && ${words[cword - 2]} == env &&
        ( ${words[cword - 3]} == --from || ${words[cword - 3]} == --to ) ]]; then
        COMPREPLY=($(compgen -e -- "$cur"))
        return
    fi
    if [[ $command == db && ( $prev == --output || $prev == -o || $prev == --input || $prev == -i ) ]]; then
        _filedir
        return
    fi

    if [[ $command == fleet && $prev == --csv ]]; then
        _filedir
        return
    fi
    if [[ $command == fleet && $prev == --concurrency ]]; then
        COMPREPLY=($(compgen -W "1 2 3 4 5 6 7 8" -- "$cur"))
        return
    fi

    # Options that take a value: complete nothing but files where a file is wanted.
    case $prev in
        -a | --app | --confirm | --name | --from | --to | --var | --count | --tables | --timeout | --interval | --base-port | --team | --duration | --canary-interval)
            return
            ;;
        --mode)
            [[ $command == monitor ]] && COMPREPLY=($(compgen -W "new persistent" -- "$cur"))
            return
            ;;
        --plan)
            COMPREPLY=($(compgen -W "cleardb:ignite cleardb:punch cleardb:drift cleardb:scream" -- "$cur"))
            return
            ;;
        --dir)
            _filedir -d
            return
            ;;
        --ca | --cert | --key | --ssl-ca | --ssl-cert | --ssl-key)
            _filedir
            return
            ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$global_opts" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    # env:NAME for a URL. Bash splits the word at ':' (COMP_WORDBREAKS), so the name being typed is
    # either the tail of "env:..." or the word after "env" ":".
    if [[ $command == probe || $command == monitor || $command == url || $command == usage ]]; then
        if [[ $cur == env:* ]]; then
            COMPREPLY=($(compgen -P env: -e -- "${cur#env:}"))
            return
        elif [[ $prev == : && $cword -ge 2 && ${words[cword - 2]} == env ]]; then
            COMPREPLY=($(compgen -e -- "$cur"))
            return
        fi
    fi

    local opts="--help --json"
    case $command in
        addons | restart) opts+=" --app" ;;
        plans) ;;
        login) opts+=" --browser --also-heroku-cli" ;;
        accounts) [[ -z $subcommand ]] && opts+=" use" ;;
        apps) opts+=" --team --personal" ;;
        logout) opts+=" --local-only" ;;
        provision) opts+=" --app --plan --name --wait" ;;
        upgrade) opts+=" --app --plan" ;;
        remove) opts+=" --app --confirm" ;;
        config) opts+=" --app --reveal" ;;
        set | unset) opts+=" --app --restart" ;;
        promote) opts+=" --app --from --to --restart" ;;
        url)
            if [[ -z $subcommand ]]; then
                COMPREPLY=($(compgen -W "build parse snippet" -- "$cur"))
                return
            fi
            case $subcommand in
                build) opts+=" --host --port --user --database --password-stdin --ssl-ca --ssl-cert --ssl-key --option --reveal" ;;
                parse) opts+=" --reveal" ;;
                snippet) opts+=" --framework --reveal" ;;
            esac
            ;;
        sandbox)
            if [[ -z $subcommand ]]; then
                COMPREPLY=($(compgen -W "start stop status" -- "$cur"))
                return
            fi
            opts+=" --dir --base-port --dedicated"
            ;;
        drill) opts+=" --interval --count --dir" ;;
        db)
            if [[ -z $subcommand ]]; then
                COMPREPLY=($(compgen -W "dump restore verify copy" -- "$cur"))
                return
            fi
            case $subcommand in
                dump) opts+=" --from --output" ;;
                restore) opts+=" --input --to --replace" ;;
                verify) opts+=" --from --to" ;;
                copy) opts+=" --from --to --replace" ;;
            esac
            ;;
        probe) opts+=" --app --var --count --timeout" ;;
        # --canary writes to the database (see the man page); it is offered like any option, never implied.
        monitor) opts+=" --app --var --timeout --interval --duration --mode --primary --secondary --samples --canary --canary-interval" ;;
        usage) opts+=" --app --var --plan --tables --timeout" ;;
        fleet) opts+=" --no-probe --concurrency --csv" ;;
        help)
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
            return
            ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    fi
}
complete -F _cleardbctl cleardbctl

# Bash completion for the `lkm` command (lkm-wasm). Load it in the current shell, or from ~/.bashrc:
#
#   source /path/to/lkm-wasm/scripts/lkm-completion.bash
#
# Completes the subcommands, each one's options, and the files it takes: `lkm run` .c and .ko files and
# directories, `lkm build` .c files and directories, `insmod`/`modinfo` .ko files, directories after
# --root, --modules and -o. Plain bash: bash-completion's helpers are not needed.

_lkm_subcommands='build run test exec shell insmod rmmod lsmod dmesg modprobe depmod modinfo help'

# Adds to COMPREPLY the directories and the files ending in one of the suffixes ($2…) that start with $1.
_lkm_files() {
	local cur=$1 suffix line
	shift
	compopt -o filenames 2>/dev/null
	while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -d -- "$cur")
	for suffix in "$@"; do
		while IFS= read -r line; do
			[[ -d $line ]] || COMPREPLY+=("$line")
		done < <(compgen -f -X "!*$suffix" -- "$cur")
	done
}

# Adds to COMPREPLY the words of $2 that start with $1.
_lkm_words() {
	local line
	while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -W "$2" -- "$1")
}

_lkm() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]}
	COMPREPLY=()
	if ((COMP_CWORD == 1)); then
		_lkm_words "$cur" "$_lkm_subcommands -h --help -V --version"
		return
	fi
	# Options that take a directory, a module file, or a word nothing can guess.
	case $prev in
	--root | --modules | -o | --output) compopt -o filenames 2>/dev/null; _lkm_files "$cur"; return ;;
	--insmod) _lkm_files "$cur" .ko; return ;;
	--exec | --cmdline | -j | --jobs | --filter | --cpus) return ;;
	-e | -c) [[ $cmd == run || $cmd == shell ]] && return ;;
	esac
	local opts
	case $cmd in
	run) opts='-e -c --exec --allow-warn -h --help' ;;
	test) opts='--filter --json --raw --cpus --fail-nth-sweep -h --help' ;;
	build) opts='-u --user -o --output -j --jobs -v --verbose -h --help' ;;
	exec) opts='--root --modules --insmod -h --help' ;;
	shell) opts='--root --modules --cmdline -c -h --help' ;;
	insmod) opts='-f --force --force-modversion --force-vermagic -s --syslog -v --verbose -V --version -h --help --root --modules' ;;
	rmmod) opts='-f --force -s --syslog -v --verbose -V --version -h --help --root --modules' ;;
	lsmod) opts='-s --syslog -v --verbose -V --version -h --help --root --modules' ;;
	modinfo) opts='-a --author -d --description -l --license -p --parameters -n --filename -m --modname -0 --null -F --field -k --set-version -b --basedir -V --version -h --help --root --modules' ;;
	modprobe) opts='-a --all -r --remove --remove-dependencies --remove-holders -w --wait --first-time -i --ignore-install --ignore-remove -b --use-blacklist -f --force --force-modversion --force-vermagic -R --resolve-alias -D --show-depends -c --showconfig --show-modversions --show-exports -n --dry-run -C --config -d --dirname -S --set-version -s --syslog -q --quiet -v --verbose -V --version -h --help --root --modules' ;;
	depmod) opts='-a --all -A --quick -b --basedir -o --outdir -C --config -E --symvers -F --filesyms -e --errsyms -n --dry-run -P --symbol-prefix -w --warn -q --quiet -v --verbose -V --version -h --help --root --modules' ;;
	dmesg) opts='-c --read-clear -C --clear -l --level -r --raw -t --notime -x --decode -n --console-level -k --kernel -h --help --root --modules' ;;
	*) return ;;
	esac
	if [[ $cur == -* ]]; then
		_lkm_words "$cur" "$opts"
		return
	fi
	case $cmd in
	run | test) _lkm_files "$cur" .c .ko ;;
	build) _lkm_files "$cur" .c ;;
	insmod | modinfo) _lkm_files "$cur" .ko ;;
	exec) _lkm_files "$cur" '' ;;
	esac
}

complete -F _lkm lkm

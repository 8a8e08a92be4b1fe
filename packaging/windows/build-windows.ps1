# Build the Windows bundle and installer. Run in PowerShell from anywhere:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
# Needs: Python 3.11 or newer (python.org installer, "py" launcher) and Inno Setup 6
# (https://jrsoftware.org/isinfo.php) in its default folder, or ISCC set to ISCC.exe's path.
# Result: dist\powmia-desktop\ and dist\powmia-desktop-<version>-windows-x64-setup.exe
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$py = ".venv\Scripts\python.exe"

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "failed (exit $LASTEXITCODE): $Exe $Arguments" }
}

if (-not (Test-Path $py)) {
    Invoke-Checked "py" @("-3", "-m", "venv", ".venv")
    Invoke-Checked $py @("-m", "pip", "install", "--upgrade", "pip")
}
Invoke-Checked $py @("-m", "pip", "install", "-e", ".[dev]", "pyinstaller>=6,<7")
$version = (& $py -c "from powmia_desktop.identity import VERSION; print(VERSION)").Trim()
Write-Host "Building Powmia Desktop $version"

Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist",
    "--workpath", "build\pyinstaller", "packaging\pyinstaller\powmia-desktop.spec")
New-Item -ItemType Directory -Force build | Out-Null
Invoke-Checked $py @("-c", "from powmia_desktop.identity import LICENCE_TEXT; open('build/LICENSE.txt', 'w', encoding='utf-8', newline='\r\n').write(LICENCE_TEXT)")

# Smoke test of the bundled command (the window: start dist\powmia-desktop\powmia-desktop.exe).
$cli = "dist\powmia-desktop\powmia.exe"
$db = Join-Path $env:TEMP "powmia-smoke-$PID.sqlite"
Invoke-Checked $cli @("--version")
Invoke-Checked $cli @("--db", $db, "demo")
Invoke-Checked $cli @("--db", $db, "list", "cases")
Remove-Item -Force -ErrorAction SilentlyContinue "$db*"

$iscc = if ($env:ISCC) { $env:ISCC } else { Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
Invoke-Checked $iscc @("/DAppVersion=$version", "packaging\windows\powmia-desktop.iss")
Write-Host "Installer: dist\powmia-desktop-$version-windows-x64-setup.exe"

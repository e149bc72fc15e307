# Directive report wizard (monthly / quarterly, PDF and XLSX).

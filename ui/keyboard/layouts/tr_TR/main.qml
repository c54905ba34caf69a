import QtQuick
import "../../keys"

// Turkish letters, Q keyboard (ı and i are two letters; ğ ü ş ö ç have keys of their own).
LetterLayout {
    columns: 12
    latin: true
    rows: ["qwertyuıopğü", "asdfghjklşi", "zxcvbnmöç"]
}

"""The staff screens of the signing step: Reports → Signed submissions (:mod:`.submissions`)
and the audit log's record of who saw signers' IINs (:mod:`.audit`)."""

"""What people mean in their own words: a body part, a medicine, a wish to talk to a person."""

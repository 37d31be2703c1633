"""Word primitives shared by safety and the cores: folding text for matching, everyday words."""
